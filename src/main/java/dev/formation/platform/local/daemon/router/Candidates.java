package dev.formation.platform.local.daemon.router;

import java.util.List;

/**
 * The web dynos one request may go to, round-robin from {@code first}: each is tried once, the next
 * one when a connection is refused.
 */
final class Candidates {
  private final List<Router.Backend> up;
  private final int first;
  private int tried;

  Candidates(List<Router.Backend> up, int turn) {
    this.up = up;
    this.first = Math.floorMod(turn, up.size());
  }

  /** The next dyno to try, or null once every one was tried. */
  Router.Backend next() {
    if (tried >= up.size()) {
      return null;
    }
    return up.get((first + tried++) % up.size());
  }
}
