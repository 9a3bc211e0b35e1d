package dev.formation.platform;

import dev.formation.live.LiveApp;

/**
 * The one interface every platform adapter implements: read an app's live state, and carry out one
 * write. Adapters hold no plan logic; the applier decides which writes to make and in which order.
 */
public interface Platform extends AutoCloseable {

  /**
   * Reads an app's formation and, where web runs on a size that can autoscale, its web scale
   * monitor (a monitor cannot exist elsewhere, so it is not asked for). A local app that is not
   * registered reads as {@link LiveApp#unregistered}; any other unknown app is an error.
   */
  LiveApp read(Target target) throws PlatformException;

  /**
   * Carries out one write and returns the app as it stands afterwards, as far as the platform's
   * answer tells (a formation update answers the new formation; other writes change what they
   * name).
   *
   * @param app the app as last read or written
   */
  LiveApp apply(Target target, LiveApp app, Write write) throws PlatformException;

  @Override
  default void close() {}
}
