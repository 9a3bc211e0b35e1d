package dev.formation.config;

import dev.formation.catalog.Size;
import dev.formation.diag.SourceRange;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the semantic checks read from the tree before the spec records are built: the parsed values
 * (or {@code null} where a value is missing or already reported) and where each was written, so
 * that cross-field rules can point at the right place.
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

  /** The {@code local} block; null fields were missing or already reported. */
  record Local(String dir, SourceRange dirAt, Integer port, SourceRange portAt, SourceRange at) {}

  /**
   * One app.
   *
   * @param platform {@code null} when the file names a platform formation does not know
   * @param kubernetes the Kubernetes settings of a Kubernetes app, {@code null} otherwise
   * @param baseDir where the file's relative paths resolve, or {@code null} when not on disk
   * @param zone the zone of the app's windows (its own, the top level's, or UTC)
   * @param guardrails the app's guardrails with the top level's merged under them
   */
  record App(
      String name,
      SourceRange at,
      PlatformKind platform,
      boolean prune,
      Local local,
      KubernetesSpec kubernetes,
      List<Process> processes,
      Path baseDir,
      Map<String, String> procfile,
      ZoneId zone,
      GuardrailSpec guardrails) {
    App {
      processes = List.copyOf(processes);
    }

    /** The app with its Procfile's commands, once the local rules have read them. */
    App withProcfile(Map<String, String> commands) {
      return new App(
          name,
          at,
          platform,
          prune,
          local,
          kubernetes,
          processes,
          baseDir,
          commands,
          zone,
          guardrails);
    }

    AppSpec toSpec() {
      List<ProcessSpec> specs = new ArrayList<>();
      for (Process p : processes) {
        ProcessSpec spec = p.toSpec();
        if (spec != null) {
          specs.add(spec);
        }
      }
      LocalSpec localSpec = null;
      if (local != null && local.dir() != null && local.port() != null) {
        Path dir = baseDir == null ? Path.of(local.dir()) : baseDir.resolve(local.dir());
        localSpec =
            new LocalSpec(
                dir.toAbsolutePath().normalize(),
                local.port(),
                procfile == null ? Map.of() : procfile);
      }
      PlatformKind kind = platform == null ? PlatformKind.byDefault() : platform;
      return new AppSpec(name, kind, prune, localSpec, kubernetes, specs, at, zone, guardrails);
    }
  }
}
