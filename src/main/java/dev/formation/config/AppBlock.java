package dev.formation.config;

import dev.formation.catalog.Catalog;
import dev.formation.config.yaml.YMap;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One app's platform block as its provider reads it ({@link PlatformKind#readBlock}), with what a
 * block reader needs to check it against the rest of the app and report located diagnostics.
 *
 * @param app the app's name
 * @param appAt where the app is declared (its key)
 * @param body the app's whole mapping, for rules that look at its processes
 * @param entry the block's entry ({@code key: value}), or {@code null} when the app has none
 * @param at the app's place in the tree ({@code apps.<name>}); the block is {@code at.then(key)}
 * @param baseDir where the file's relative paths resolve, or {@code null} when not on disk
 * @param processes the app's process types in file order, each with where its key is written
 * @param read typed reads that stay quiet where the schema already reported
 */
public record AppBlock(
    String app,
    SourceRange appAt,
    YMap body,
    YMap.Entry entry,
    TreePath at,
    Path baseDir,
    Map<String, SourceRange> processes,
    Catalog catalog,
    FieldReader read) {
  public AppBlock {
    processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
  }

  public Diagnostics diags() {
    return read.diags();
  }
}
