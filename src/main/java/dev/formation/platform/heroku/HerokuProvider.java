package dev.formation.platform.heroku;

import dev.formation.platform.Platform;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformException;
import dev.formation.platform.PlatformProvider;
import java.net.URI;
import java.time.Duration;

/**
 * Heroku, the default platform: apps that name no {@code platform:} are Heroku apps, read and
 * written through the Platform API with the token of {@code HEROKU_API_KEY} or {@code ~/.netrc}.
 */
public final class HerokuProvider implements PlatformProvider {
  @Override
  public String word() {
    return "heroku";
  }

  @Override
  public boolean isDefault() {
    return true;
  }

  @Override
  public Platform open(PlatformContext context) throws PlatformException {
    HerokuConfig config =
        HerokuConfig.fromEnvironment(
            context.env(), context.home(), context.apiUrl(), context.version());
    if (context.debug() != null) {
      config = config.withTrace(context.debug());
    }
    config = config.withNotice(context.progress()); // rate-limit waits, on stderr
    return new HerokuPlatform(config);
  }

  @Override
  public Platform openAt(PlatformContext context, URI endpoint, String token)
      throws PlatformException {
    HerokuConfig config =
        new HerokuConfig(
            ApiEndpoint.of(endpoint),
            Secret.of(token),
            context.version(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            RetryPolicy.DEFAULT,
            Timing.SYSTEM,
            context.debug());
    return new HerokuPlatform(config.withNotice(context.progress()));
  }
}
