package dev.formation.platform.local.daemon.router;

/**
 * A message the router will not pass on: a request it answers with {@link #status} (then closes the
 * connection), or a dyno's answer it cannot frame. Without a stack trace: a hostile client can make
 * one per connection, and the reason is all there is to tell.
 */
final class BadMessage extends Exception {
  private static final long serialVersionUID = 1L;

  /** The status a client gets for it: 400, 414, 431 or 505. */
  final int status;

  BadMessage(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  BadMessage(String reason) {
    this(400, reason);
  }
}
