package dev.formation.platform.memory;

import dev.formation.platform.Platform;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformException;
import dev.formation.platform.PlatformProvider;

/**
 * A fourth platform, {@code platform: memory}, that lives in the test sources only: apps held in a
 * {@link MemoryStore} of the test process, named by {@code FORMATION_MEMORY_STORE}. It is installed
 * by {@code src/test/resources/META-INF/services/dev.formation.config.PlatformKind} and nothing
 * else: no line of formation's core knows it (docs/platforms.md walks through it).
 *
 * <p>Its apps have no block of their own, sizes and prices are the catalogue's, tiers may not mix,
 * and its autoscaler, like Heroku's, leaves the count to formation when it is switched on.
 */
public final class MemoryProvider implements PlatformProvider {
  /** The variable naming the store an operation's apps are in. */
  public static final String STORE = "FORMATION_MEMORY_STORE";

  @Override
  public String word() {
    return "memory";
  }

  @Override
  public Platform open(PlatformContext context) throws PlatformException {
    String name = context.env().get(STORE);
    if (name == null || name.isBlank()) {
      throw new PlatformException(
          "the memory platform: set " + STORE + " to the name of a store", 0, null, null);
    }
    return new MemoryPlatform(MemoryStore.named(name));
  }
}
