package dev.formation.platform.local;

import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformException;
import dev.formation.platform.PlatformProvider;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The local platform ({@code platform: local}): a daemon on this machine serving the Heroku API
 * subset, started on the first local app an operation reads. Its adapter is the Heroku adapter of
 * the Heroku provider pointed at the daemon, plus the registration of apps from their folders.
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

  /** The API port the local daemon is started on: {@code FORMATION_LOCAL_PORT}, else any. */
  public static int apiPort(Map<String, String> env) {
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

  /** Starts the daemon if none runs; nothing is registered with it here. */
  @Override
  public Platform open(PlatformContext context) throws PlatformException {
    try {
      LocalClient client =
          new LocalClient(LocalSettings.fromEnv(context.env(), context.home()), MAIN_CLASS);
      DaemonInfo daemon = client.running().orElse(null);
      if (daemon == null) {
        context.progress().accept("Starting the local platform (formation local start)...");
        daemon = client.start(apiPort(client.settings().env()));
      }
      PlatformProvider api = (PlatformProvider) PlatformKind.named(API);
      return new LocalPlatform(
          api.openAt(context, URI.create(daemon.url()), client.token()), client, daemon);
    } catch (IOException | IllegalArgumentException e) {
      throw new PlatformException("the local platform: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Absence> absent(LiveApp read) {
    if (read.registration() != null) {
      return Optional.empty();
    }
    return Optional.of(
        new Absence(
            "the local platform has no app of that name",
            "`formation local status` lists the local apps"));
  }
}
