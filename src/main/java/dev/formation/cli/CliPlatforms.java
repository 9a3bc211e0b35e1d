package dev.formation.cli;

import dev.formation.apply.Platforms;
import dev.formation.config.AppSpec;
import dev.formation.config.PlatformKind;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.heroku.ApiEndpoint;
import dev.formation.platform.heroku.HerokuConfig;
import dev.formation.platform.heroku.HerokuPlatform;
import dev.formation.platform.heroku.RetryPolicy;
import dev.formation.platform.heroku.Secret;
import dev.formation.platform.heroku.Timing;
import dev.formation.platform.local.DaemonInfo;
import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.LocalSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The adapters a command uses, made on first use: a plan of Heroku apps never looks for the local
 * platform, and a missing Heroku token fails only the Heroku apps.
 */
final class CliPlatforms implements Platforms, AutoCloseable {
  private final Environment environment;
  private final PlatformOptions options;
  private final PrintWriter err;
  private Platform heroku;
  private PlatformException herokuFailure;
  private LocalApps local;
  private PlatformException localFailure;
  private List<AppSpec> localApps = List.of();

  CliPlatforms(Environment environment, PlatformOptions options, PrintWriter err) {
    this.environment = environment;
    this.options = options;
    this.err = err;
  }

  @Override
  public synchronized Platform forKind(PlatformKind kind) throws PlatformException {
    return switch (kind) {
      case HEROKU -> heroku();
      case LOCAL -> local();
    };
  }

  /** Notes the configuration's local apps, registered with the daemon when first read. */
  synchronized void useApps(List<AppSpec> apps) {
    localApps = List.copyOf(apps);
    if (local != null) {
      local.use(localApps);
    }
  }

  /** The local daemon (started in the background if need be) behind the Heroku adapter. */
  private Platform local() throws PlatformException {
    if (localFailure != null) {
      throw localFailure;
    }
    if (local == null) {
      try {
        LocalClient client =
            new LocalClient(
                LocalSettings.fromEnv(environment.env(), environment.home()),
                LocalCommand.MAIN_CLASS);
        DaemonInfo daemon = client.running().orElse(null);
        if (daemon == null) {
          err.println("Starting the local platform (formation local start)...");
          err.flush();
          daemon = client.start(LocalCommand.port(null, client.settings()));
        }
        HerokuConfig config =
            new HerokuConfig(
                ApiEndpoint.of(URI.create(daemon.url())),
                Secret.of(client.token()),
                VersionProvider.version(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                RetryPolicy.DEFAULT,
                Timing.SYSTEM,
                options.debug ? this::trace : null);
        local = new LocalApps(new HerokuPlatform(config), client, daemon);
        local.use(localApps);
      } catch (IOException | IllegalArgumentException e) {
        localFailure = new PlatformException("the local platform: " + e.getMessage(), e);
        throw localFailure;
      } catch (PlatformException e) {
        localFailure = e;
        throw e;
      }
    }
    return local;
  }

  private Platform heroku() throws PlatformException {
    if (herokuFailure != null) {
      throw herokuFailure;
    }
    if (heroku == null) {
      try {
        HerokuConfig config =
            HerokuConfig.fromEnvironment(
                environment.env(), environment.home(), options.apiUrl, VersionProvider.version());
        if (options.debug) {
          config = config.withTrace(this::trace);
        }
        config = config.withNotice(err::println); // rate-limit waits, told on stderr
        heroku = new HerokuPlatform(config);
      } catch (PlatformException e) {
        herokuFailure = e;
        throw e;
      }
    }
    return heroku;
  }

  private void trace(String line) {
    synchronized (err) {
      err.println("debug: " + line);
      err.flush();
    }
  }

  @Override
  public synchronized void close() {
    if (heroku != null) {
      heroku.close();
    }
    if (local != null) {
      local.close();
    }
  }
}
