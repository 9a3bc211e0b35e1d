package dev.formation.config;

import dev.formation.diag.Diagnostics;
import dev.formation.diag.Sources;

/**
 * What loading config files produced.
 *
 * @param formationOrNull the merged formation, or {@code null} when any diagnostic is an error
 * @param diagnostics every finding, errors and warnings
 * @param sources the text of every file read, for quoting lines in diagnostics
 */
public record LoadResult(Formation formationOrNull, Diagnostics diagnostics, Sources sources) {
  public boolean ok() {
    return formationOrNull != null;
  }
}
