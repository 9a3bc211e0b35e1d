package dev.formation.platform.local.daemon.http;

import java.time.Duration;

/**
 * What a client of the API or of a router may take: how long it may spend sending a request head,
 * how long its body may stall, how long an idle keep-alive connection stays open, and how large a
 * head may be. Injectable so that tests cut a slow client off in milliseconds.
 *
 * @param headTimeout from the first byte of a request to the end of its head
 * @param bodyIdleTimeout the longest pause inside a request body
 * @param keepAliveIdle how long a connection may wait, idle, for its next request
 */
public record HttpLimits(
    Duration headTimeout,
    Duration bodyIdleTimeout,
    Duration keepAliveIdle,
    int maxInitialLine,
    int maxHeaderSize) {

  public static final HttpLimits DEFAULT =
      new HttpLimits(
          Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(75), 8192, 16384);

  public HttpLimits withTimeouts(Duration head, Duration bodyIdle, Duration idle) {
    return new HttpLimits(head, bodyIdle, idle, maxInitialLine, maxHeaderSize);
  }
}
