package dev.formation.platform.local.daemon.http;

import java.time.Duration;

/**
 * What a client of the API or of a router may take: how long it may spend sending a request head,
 * how long its body may stall, how long an idle keep-alive connection stays open, how large a head
 * may be, how many connections a server keeps open (in all and per client address), and how many
 * bytes of unfinished requests every server of the daemon together holds ({@link Admission}).
 * Injectable so that tests cut a slow client off in milliseconds.
 *
 * @param headTimeout from the first byte of a request to the end of its head
 * @param bodyIdleTimeout the longest pause inside a request body
 * @param keepAliveIdle how long a connection may wait, idle, for its next request
 * @param maxConnections connections one server (the API, or one router) keeps open at once
 * @param maxPerAddress of those, from one client address
 * @param inFlightBudget bytes of request heads and bodies read but not yet handled, all servers
 */
public record HttpLimits(
    Duration headTimeout,
    Duration bodyIdleTimeout,
    Duration keepAliveIdle,
    int maxInitialLine,
    int maxHeaderSize,
    int maxConnections,
    int maxPerAddress,
    long inFlightBudget) {

  public static final HttpLimits DEFAULT =
      new HttpLimits(
          Duration.ofSeconds(10),
          Duration.ofSeconds(15),
          Duration.ofSeconds(75),
          8192,
          16384,
          512,
          256,
          8L << 20);

  public HttpLimits {
    if (maxConnections < 1 || maxPerAddress < 1 || inFlightBudget < 1) {
      throw new IllegalArgumentException("connection limits and the budget must be positive");
    }
  }

  public HttpLimits withTimeouts(Duration head, Duration bodyIdle, Duration idle) {
    return new HttpLimits(
        head,
        bodyIdle,
        idle,
        maxInitialLine,
        maxHeaderSize,
        maxConnections,
        maxPerAddress,
        inFlightBudget);
  }

  public HttpLimits withAdmission(int connections, int perAddress, long budget) {
    return new HttpLimits(
        headTimeout,
        bodyIdleTimeout,
        keepAliveIdle,
        maxInitialLine,
        maxHeaderSize,
        connections,
        perAddress,
        budget);
  }
}
