package dev.formation.apply;

import dev.formation.config.PlatformKind;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;

/**
 * Gives the platform adapter for an app's platform kind. Implementations build adapters lazily, so
 * a plan that touches only Heroku apps never starts the local platform, and the other way round.
 */
@FunctionalInterface
public interface Platforms {
  Platform forKind(PlatformKind kind) throws PlatformException;
}
