package dev.formation.apply;

/**
 * A request to stop, set from another thread (the command's Ctrl-C handler). The applier starts no
 * new app and no new step once it is set, but lets the request in flight finish, so that what it
 * reports is what the platform holds.
 */
public final class Interrupt {
  private volatile boolean requested;

  /** Never set: for runs that cannot be interrupted. */
  public static Interrupt never() {
    return new Interrupt();
  }

  public void request() {
    requested = true;
  }

  public boolean requested() {
    return requested;
  }
}
