package dev.formation.config;

import dev.formation.diag.SourceRange;
import java.util.List;
import java.util.Optional;

/**
 * The desired formation of one app.
 *
 * @param local the local block, for {@link PlatformKind#LOCAL} apps only, else {@code null}
 * @param processes in the order written
 * @param at where the app is declared
 */
public record AppSpec(
    String name,
    PlatformKind platform,
    boolean prune,
    LocalSpec local,
    List<ProcessSpec> processes,
    SourceRange at) {
  public AppSpec {
    processes = List.copyOf(processes);
  }

  public Optional<ProcessSpec> process(String type) {
    return processes.stream().filter(p -> p.type().equals(type)).findFirst();
  }
}
