/**
 * The local daemon's HTTP plumbing on Netty, shared by its API server and its routers: the event
 * loops ({@link dev.formation.platform.local.daemon.http.Engine}), the limits a client is held to
 * and the deadlines that enforce them, request ids.
 *
 * <p>Dependency rule: {@code platform.local.daemon.http} depends on nothing else in formation.
 * Library: Netty.
 */
package dev.formation.platform.local.daemon.http;
