package dev.formation.ops;

import dev.formation.apply.LiveReader;
import dev.formation.config.PlatformKind;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.live.KubernetesPlacement;
import dev.formation.live.LiveApp;
import dev.formation.plan.Placements;
import dev.formation.platform.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code formation import}: the live apps, read to be written out as formation.yaml; reads only.
 */
public final class ImportOperation {
  /**
   * @param context the kubeconfig context of Kubernetes apps, or {@code null} for the current one
   * @param namespace their namespace, or {@code null} for the context's
   */
  public record Request(
      List<String> apps,
      PlatformKind platform,
      Settings settings,
      String context,
      String namespace) {
    public Request {
      apps = List.copyOf(apps);
    }

    public Request(List<String> apps, PlatformKind platform, Settings settings) {
      this(apps, platform, settings, null, null);
    }
  }

  /**
   * @param apps the apps that could be read, in the order asked
   * @param diagnostics an {@code FM120} error for each app that could not be read
   */
  public record Result(List<LiveApp> apps, Diagnostics diagnostics) {}

  private final Host host;
  private final String version;

  public ImportOperation(Host host, String version) {
    this.host = host;
    this.version = version;
  }

  public Result run(Request request) {
    KubernetesPlacement placement =
        request.platform() == PlatformKind.KUBERNETES
            ? Placements.discovery(request.context(), request.namespace())
            : null;
    List<Target> targets =
        request.apps().stream()
            .map(a -> new Target(a, request.platform(), null, placement))
            .toList();
    LiveReader.Result read;
    try (Adapters platforms = new Adapters(host, request.settings(), version)) {
      read =
          new LiveReader(platforms, request.settings().parallelism(), host.listener()::progress)
              .read(targets);
    }
    Diagnostics diagnostics = new Diagnostics();
    read.errors()
        .forEach((app, why) -> diagnostics.error(Code.FM120, app + ": " + why, null, null));
    List<LiveApp> apps = new ArrayList<>();
    for (LiveApp app : read.live().values()) {
      if (request.platform() == PlatformKind.LOCAL && app.registration() == null) {
        diagnostics.error(
            Code.FM120,
            app.name() + ": the local platform has no app of that name",
            null,
            "`formation local status` lists the local apps");
      } else {
        apps.add(app);
      }
    }
    return new Result(apps, diagnostics);
  }
}
