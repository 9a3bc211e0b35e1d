/**
 * The local daemon's HTTP plumbing on Netty, shared by its API server and its routers: the event
 * loops ({@link dev.formation.platform.local.daemon.http.Engine}), the limits a client is held to,
 * the deadlines and the admission (connections, bytes in flight) that enforce them, the end of the
 * daemon on an {@code OutOfMemoryError} ({@link dev.formation.platform.local.daemon.http.Fatal}),
 * request ids.
 *
 * <p>Dependency rule: {@code platform.local.daemon.http} depends on nothing else in formation.
 * Library: Netty.
 */
package dev.formation.platform.local.daemon.http;
