package dev.formation.platform.local;

import dev.formation.config.AppBlock;
import dev.formation.config.PlatformKind;
import dev.formation.config.PlatformSettings;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.Diagnostics;
import dev.formation.live.LiveApp;
import dev.formation.live.Placement;
import dev.formation.live.SetupStep;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformException;
import dev.formation.platform.PlatformProvider;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.LocalInputException;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.Token;
import dev.formation.platform.local.state.WeakTokenException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The local platform ({@code platform: local}): a daemon on this machine serving the Heroku API
 * subset, started by the first apply of a local app (commands that only read never start it). Its
 * adapter is the Heroku adapter of the Heroku provider pointed at the daemon, plus the registration
 * of apps from their folders.
 */
public final class LocalProvider implements PlatformProvider {
  /** The class whose {@code main} runs {@code local serve}, for starting the daemon. */
  public static final String MAIN_CLASS = "dev.formation.Main";

  /** The platform whose API the daemon serves. */
  private static final String API = "heroku";

  @Override
  public String word() {
    return "local";
  }

  @Override
  public String blockKey() {
    return "local";
  }

  /** The daemon runs the queue rules a registration carries. */
  @Override
  public boolean runsQueueAutoscaler() {
    return true;
  }

  @Override
  public PlatformSettings readBlock(AppBlock block) {
    return new LocalRules(block.diags()).read(block);
  }

  @Override
  public void refuseBlock(AppBlock block, PlatformKind actual) {
    new LocalRules(block.diags()).refuse(block, actual);
  }

  @Override
  public void checkApps(Map<String, PlatformSettings> apps, Diagnostics diags) {
    new LocalRules(diags).portsOnce(apps);
  }

  @Override
  public String liveKey() {
    return "registration";
  }

  @Override
  public Placement placement(Map<String, Object> json) {
    return LocalRegistration.of(json);
  }

  @Override
  public Placement livePlacement(Map<String, Object> json) {
    return LocalRegistration.of(json);
  }

  @Override
  public StepWords words(SetupStep step, UnaryOperator<String> path) {
    return RegistrationWords.of(step, path);
  }

  @Override
  public String setupText(List<SetupStep> steps) {
    return RegistrationWords.progress(steps);
  }

  /** Absolute, so the file plans the same app wherever it is saved. */
  @Override
  public Map<String, Object> importBlock(LiveApp app) {
    if (!(app.placement() instanceof LocalRegistration local)) {
      return null;
    }
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("dir", local.dir().toString());
    block.put("port", local.port());
    return block;
  }

  @Override
  public String missingKeyHint(String key) {
    return "`local` needs `dir` (the folder with the Procfile) and `port`";
  }

  /** A router port out of range is the port's own error. */
  @Override
  public Code boundsCode(String field) {
    return field.equals("port") ? Code.FM063 : null;
  }

  /** The API port the local daemon is started on: {@code FORMATION_LOCAL_PORT}, else any. */
  public static int apiPort(Map<String, String> env) {
    String value = env.get("FORMATION_LOCAL_PORT");
    if (value == null || value.isBlank()) {
      return 0;
    }
    int port;
    try {
      port = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new LocalInputException("FORMATION_LOCAL_PORT must be a port number, not " + value);
    }
    return port;
  }

  /**
   * The running daemon's platform. Only an apply starts the daemon when none runs; every other
   * command reads the apps it recorded, warns that it is not running ({@code FM153}), and starts
   * nothing.
   */
  @Override
  public Platform open(PlatformContext context) throws PlatformException {
    try {
      LocalSettings settings = LocalSettings.fromEnv(context.env(), context.home());
      if (Files.exists(settings.tokenFile())) {
        // a weak token is not sent (nor would apply start the daemon with it): FM152, not a
        // daemon that seems not to answer
        Token.read(settings.tokenFile());
      }
      LocalClient client = new LocalClient(settings.tokenFile());
      DaemonLauncher launcher =
          new DaemonLauncher(settings, MAIN_CLASS, client, n -> {}, Sleeper.THREAD);
      DaemonInfo daemon = launcher.running().orElse(null);
      boolean plans = context.intent().plans();
      if (daemon == null && context.intent() != PlatformContext.Intent.APPLY) {
        return stopped(context, settings, launcher, client);
      }
      if (daemon == null) {
        context.progress().accept("Starting the local platform (formation local start)...");
        daemon = launcher.start(apiPort(settings.env()));
      }
      PlatformProvider api = (PlatformProvider) PlatformKind.named(API);
      return LocalPlatform.running(
          api.openAt(context, URI.create(daemon.url()), Token.read(settings.tokenFile())),
          client,
          daemon,
          plans);
    } catch (WeakTokenException e) {
      throw new PlatformException(Code.FM152, e.getMessage(), null, e);
    } catch (IOException | LocalInputException e) {
      throw new PlatformException("the local platform: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("the local platform: interrupted", e);
    }
  }

  /** The platform while no daemon runs: its recorded apps, and a warning that says so. */
  private static Platform stopped(
      PlatformContext context, LocalSettings settings, DaemonLauncher launcher, LocalClient client)
      throws PlatformException {
    OptionalLong holder = launcher.locator().holder();
    if (holder.isPresent()) {
      client.close();
      throw new PlatformException(
          "the local platform: its daemon (pid "
              + holder.getAsLong()
              + ") holds "
              + settings.stateDir()
              + " but does not answer; see "
              + settings.daemonLog()
              + ", or stop it with `formation local stop`",
          null);
    }
    context
        .warnings()
        .accept(
            Diagnostic.warning(
                Code.FM153,
                "the local platform is not running: its apps are read as it recorded them in "
                    + settings.appsDir()
                    + ", and nothing of theirs runs",
                null,
                "`formation apply` starts it (and brings back every recorded app) before it"
                    + " changes anything; `formation local start` starts it alone"));
    return LocalPlatform.stopped(new StoppedPlatform(settings), client, context.intent().plans());
  }

  @Override
  public Optional<Absence> absent(LiveApp read) {
    if (read.placement() != null) {
      return Optional.empty();
    }
    return Optional.of(
        new Absence(
            "the local platform has no app of that name",
            "`formation local status` lists the local apps"));
  }
}
