/**
 * An app's HTTP router: a reverse proxy on Netty from 127.0.0.1:{@code local.port} to the app's web
 * dynos. {@link dev.formation.platform.local.daemon.router.Router} listens, a {@code RouterFront}
 * per client connection takes its requests in turn, and each request is an {@code Exchange}:
 * round-robin over the dynos that are up, bodies streamed both ways with back-pressure, a tunnel
 * after a {@code 101}, response times for the autoscaler. HTTP/1.1 is read on bytes, without
 * Netty's HTTP codec: {@code HeadFields} splits a head, {@code RequestHead} and {@code
 * ResponseHead} read what it says and build the next hop's head, {@code ChunkedFraming} follows a
 * chunked body; bodies pass on as slices of what was read.
 *
 * <p>Dependency rule: {@code platform.local.daemon.router} depends on {@code platform.local.daemon}
 * (an app's log, the daemon's clock) and {@code platform.local.daemon.http} only. Library: Netty.
 */
package dev.formation.platform.local.daemon.router;
