package dev.formation.config;

import dev.formation.catalog.Size;
import dev.formation.diag.SourceRange;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the semantic checks read from the tree before the {@code *Spec} records are built: the
 * values (or {@code null} where a value is missing or already reported) and where each was written,
 * so that cross-field rules can point at the right place.
 */
final class Drafts {
  private Drafts() {}

  /** One process type; {@code size}, {@code quantity}, {@code autoscale} are null if unusable. */
  record Process(
      String type,
      SourceRange typeAt,
      Size size,
      SourceRange sizeAt,
      Integer quantity,
      SourceRange quantityAt,
      AutoscaleSpec autoscale,
      List<WindowSpec> schedule) {
    Process {
      schedule = List.copyOf(schedule);
    }

    /** The most dynos this type may run: the autoscale max, else the quantity. */
    Integer countAtMost() {
      return autoscale != null ? Integer.valueOf(autoscale.max()) : quantity;
    }

    ProcessSpec toSpec() {
      if (size == null || (quantity == null && autoscale == null)) {
        return null;
      }
      return new ProcessSpec(type, size, quantity, autoscale, typeAt, schedule);
    }
  }

  /**
   * One app.
   *
   * @param platform {@code null} when the file names a platform formation does not know
   * @param settings the app's settings of its platform, {@code null} when it has none or they had
   *     errors
   * @param baseDir where the file's relative paths resolve, or {@code null} when not on disk
   * @param zone the zone of the app's windows (its own, the top level's, or UTC)
   * @param guardrails the app's guardrails with the top level's merged under them
   */
  record App(
      String name,
      SourceRange at,
      PlatformKind platform,
      boolean prune,
      PlatformSettings settings,
      List<Process> processes,
      Path baseDir,
      ZoneId zone,
      GuardrailSpec guardrails) {
    App {
      processes = List.copyOf(processes);
    }

    AppSpec toSpec() {
      List<ProcessSpec> specs = new ArrayList<>();
      for (Process p : processes) {
        ProcessSpec spec = p.toSpec();
        if (spec != null) {
          specs.add(spec);
        }
      }
      PlatformKind kind = platform == null ? PlatformKind.byDefault() : platform;
      return new AppSpec(name, kind, prune, settings, specs, at, zone, guardrails);
    }
  }
}
