package dev.formation.platform;

import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import java.net.URI;
import java.util.Optional;

/**
 * A platform, plugged in: everything formation knows about one platform, provided by one class of
 * the platform's own package tree and found at run time by {@link java.util.ServiceLoader} (it is
 * registered in {@code META-INF/services/dev.formation.config.PlatformKind}, the name under which
 * the config layer looks platforms up). The core never names a platform: it asks the provider of an
 * app's {@code platform:} word. How to add one: {@code docs/platforms.md}.
 *
 * <p>A provider must be cheap to make: the registry makes every installed provider on first use, so
 * its class must not load its adapter's libraries (an HTTP engine, a cluster client) until {@link
 * #open} runs.
 */
public interface PlatformProvider extends PlatformKind {

  /**
   * Makes this platform's adapter for one operation. Called at most once per operation, on the
   * first app of this platform; a failure fails every app of the platform in that operation.
   */
  Platform open(PlatformContext context) throws PlatformException;

  /**
   * An adapter speaking this platform's API at another endpoint with another token, for a platform
   * that serves the same API (a local platform serving the Heroku API on loopback).
   *
   * @throws UnsupportedOperationException when the platform offers no such adapter
   */
  default Platform openAt(PlatformContext context, URI endpoint, String token)
      throws PlatformException {
    throw new UnsupportedOperationException(word() + " has no adapter for another endpoint");
  }

  /**
   * The target of an app named on {@code formation import}, read without a config: by default the
   * app by name.
   */
  default Target importTarget(String app, ImportScope scope) {
    return Target.named(app, this);
  }

  /**
   * Why an app read on {@code formation import} is not there after all, for a platform that reads
   * an unknown app as empty rather than failing; empty when it is there.
   */
  default Optional<Absence> absent(LiveApp read) {
    return Optional.empty();
  }

  /**
   * Where {@code formation import} looks for apps: options of the command that only some platforms
   * use.
   *
   * @param context a named context (a kubeconfig context), or {@code null} for the current one
   * @param namespace a namespace within it, or {@code null} for the context's own
   */
  record ImportScope(String context, String namespace) {}

  /** Why an imported app is not there: the error's text and a hint for the user. */
  record Absence(String message, String hint) {}
}
