package dev.formation.ops;

import dev.formation.apply.Platforms;
import dev.formation.config.PlatformKind;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.heroku.ApiEndpoint;
import dev.formation.platform.heroku.HerokuConfig;
import dev.formation.platform.heroku.HerokuPlatform;
import dev.formation.platform.heroku.RetryPolicy;
import dev.formation.platform.heroku.Secret;
import dev.formation.platform.heroku.Timing;
import dev.formation.platform.kubernetes.KubernetesPlatform;
import dev.formation.platform.local.DaemonInfo;
import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.LocalPlatform;
import dev.formation.platform.local.LocalSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The platform adapters of one operation, made on first use: a plan of Heroku apps never looks for
 * the local platform nor loads the Kubernetes client, and a missing Heroku token fails only the
 * Heroku apps. The local platform's daemon is started when a local app is first read; nothing is
 * registered with it here.
 */
public final class Adapters implements Platforms, AutoCloseable {
  /** The class whose {@code main} runs {@code local serve}, for starting the daemon. */
  public static final String MAIN_CLASS = "dev.formation.Main";

  private final Host host;
  private final Settings settings;
  private final String version;
  private Platform heroku;
  private PlatformException herokuFailure;
  private Platform local;
  private PlatformException localFailure;
  private Platform kubernetes;

  /**
   * @param version formation's version, for the {@code User-Agent}
   */
  public Adapters(Host host, Settings settings, String version) {
    this.host = host;
    this.settings = settings;
    this.version = version;
  }

  @Override
  public synchronized Platform forKind(PlatformKind kind) throws PlatformException {
    return switch (kind) {
      case HEROKU -> heroku();
      case LOCAL -> local();
      case KUBERNETES -> kubernetes();
    };
  }

  /** The API port the local daemon is started on: {@code FORMATION_LOCAL_PORT}, else any. */
  public static int localApiPort(Map<String, String> env) {
    String value = env.get("FORMATION_LOCAL_PORT");
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "FORMATION_LOCAL_PORT must be a port number, not " + value);
    }
  }

  private Platform local() throws PlatformException {
    if (localFailure != null) {
      throw localFailure;
    }
    if (local == null) {
      try {
        LocalClient client =
            new LocalClient(LocalSettings.fromEnv(host.env(), host.home()), MAIN_CLASS);
        DaemonInfo daemon = client.running().orElse(null);
        if (daemon == null) {
          host.listener().progress("Starting the local platform (formation local start)...");
          daemon = client.start(localApiPort(client.settings().env()));
        }
        HerokuConfig config =
            new HerokuConfig(
                ApiEndpoint.of(URI.create(daemon.url())),
                Secret.of(client.token()),
                version,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                RetryPolicy.DEFAULT,
                Timing.SYSTEM,
                settings.debug() ? host.listener()::debug : null);
        config = config.withNotice(host.listener()::progress);
        local = new LocalPlatform(new HerokuPlatform(config), client, daemon);
      } catch (IOException | IllegalArgumentException e) {
        localFailure = new PlatformException("the local platform: " + e.getMessage(), e);
        throw localFailure;
      }
    }
    return local;
  }

  /** fabric8 is loaded here, on the first Kubernetes app, and not before. */
  private Platform kubernetes() {
    if (kubernetes == null) {
      kubernetes =
          new KubernetesPlatform(
              host.env(),
              host.home(),
              settings.forceConflicts(),
              settings.debug() ? host.listener()::debug : null,
              host.listener()::progress);
    }
    return kubernetes;
  }

  private Platform heroku() throws PlatformException {
    if (herokuFailure != null) {
      throw herokuFailure;
    }
    if (heroku == null) {
      try {
        HerokuConfig config =
            HerokuConfig.fromEnvironment(host.env(), host.home(), settings.apiUrl(), version);
        if (settings.debug()) {
          config = config.withTrace(host.listener()::debug);
        }
        config = config.withNotice(host.listener()::progress); // rate-limit waits, on stderr
        heroku = new HerokuPlatform(config);
      } catch (PlatformException e) {
        herokuFailure = e;
        throw e;
      }
    }
    return heroku;
  }

  @Override
  public synchronized void close() {
    if (heroku != null) {
      heroku.close();
    }
    if (local != null) {
      local.close();
    }
    if (kubernetes != null) {
      kubernetes.close();
    }
  }
}
