package dev.formation.cli;

import dev.formation.apply.Platforms;
import dev.formation.config.PlatformKind;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.heroku.HerokuConfig;
import dev.formation.platform.heroku.HerokuPlatform;
import java.io.PrintWriter;

/**
 * The adapters a command uses, made on first use: a plan of Heroku apps never looks for the
 * local platform, and a missing Heroku token fails only the Heroku apps.
 */
final class CliPlatforms implements Platforms, AutoCloseable {
  private final Environment environment;
  private final PlatformOptions options;
  private final PrintWriter err;
  private Platform heroku;
  private PlatformException herokuFailure;

  CliPlatforms(Environment environment, PlatformOptions options, PrintWriter err) {
    this.environment = environment;
    this.options = options;
    this.err = err;
  }

  @Override
  public synchronized Platform forKind(PlatformKind kind) throws PlatformException {
    return switch (kind) {
      case HEROKU -> heroku();
      case LOCAL -> throw new PlatformException(
          "the local platform is not part of this build yet; use `platform: heroku`", 0, null,
          null);
    };
  }

  private Platform heroku() throws PlatformException {
    if (herokuFailure != null) {
      throw herokuFailure;
    }
    if (heroku == null) {
      try {
        HerokuConfig config = HerokuConfig.fromEnvironment(
            environment.env(), environment.home(), options.apiUrl, VersionProvider.version());
        if (options.debug) {
          config = config.withTrace(this::trace);
        }
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
  }
}
