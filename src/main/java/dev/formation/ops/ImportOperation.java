package dev.formation.ops;

import dev.formation.apply.LiveReader;
import dev.formation.config.PlatformKind;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.Diagnostics;
import dev.formation.live.LiveApp;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformProvider;
import dev.formation.platform.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code formation import}: the live apps, read to be written out as formation.yaml; reads only.
 */
public final class ImportOperation {
  /**
   * @param context a named context for platforms that have them (a kubeconfig context), or {@code
   *     null} for the current one
   * @param namespace a namespace within it, or {@code null} for the context's
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
    PlatformProvider provider = Adapters.provider(request.platform());
    PlatformProvider.ImportScope scope =
        new PlatformProvider.ImportScope(request.context(), request.namespace());
    List<Target> targets =
        request.apps().stream().map(a -> provider.importTarget(a, scope)).toList();
    LiveReader.Result read;
    Diagnostics diagnostics = new Diagnostics();
    try (Adapters platforms =
        new Adapters(host, request.settings(), version, PlatformContext.Intent.INSPECT)) {
      read =
          new LiveReader(platforms, request.settings().parallelism(), host.listener()::progress)
              .read(targets);
      platforms.warnings().forEach(diagnostics::add);
    }
    read.errors()
        .forEach(
            (app, why) -> {
              Diagnostic own = read.coded().get(app);
              diagnostics.add(
                  own != null ? own : Diagnostic.error(Code.FM120, app + ": " + why, null, null));
            });
    List<LiveApp> apps = new ArrayList<>();
    for (LiveApp app : read.live().values()) {
      Optional<PlatformProvider.Absence> absent = provider.absent(app);
      if (absent.isPresent()) {
        diagnostics.error(
            Code.FM120, app.name() + ": " + absent.get().message(), null, absent.get().hint());
      } else {
        apps.add(app);
      }
    }
    return new Result(apps, diagnostics);
  }
}
