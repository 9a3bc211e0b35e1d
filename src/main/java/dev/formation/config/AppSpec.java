package dev.formation.config;

import dev.formation.diag.SourceRange;
import java.util.List;
import java.util.Optional;

/**
 * The desired formation of one app.
 *
 * @param local the local block, for {@link PlatformKind#LOCAL} apps only, else {@code null}
 * @param kubernetes the Kubernetes settings, for {@link PlatformKind#KUBERNETES} apps only (the
 *     defaults when the file has no block), else {@code null}
 * @param processes in the order written
 * @param at where the app is declared
 */
public record AppSpec(
    String name,
    PlatformKind platform,
    boolean prune,
    LocalSpec local,
    KubernetesSpec kubernetes,
    List<ProcessSpec> processes,
    SourceRange at) {
  public AppSpec {
    processes = List.copyOf(processes);
    if (kubernetes != null && platform != PlatformKind.KUBERNETES) {
      throw new IllegalArgumentException("only a Kubernetes app has Kubernetes settings: " + name);
    }
  }

  /** An app without Kubernetes settings (Heroku or local). */
  public AppSpec(
      String name,
      PlatformKind platform,
      boolean prune,
      LocalSpec local,
      List<ProcessSpec> processes,
      SourceRange at) {
    this(name, platform, prune, local, null, processes, at);
  }

  public Optional<ProcessSpec> process(String type) {
    return processes.stream().filter(p -> p.type().equals(type)).findFirst();
  }
}
