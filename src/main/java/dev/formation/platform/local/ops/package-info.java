/**
 * The {@code formation local} commands' operations: start, stop, status, logs, forget and reset of
 * the local platform ({@link dev.formation.platform.local.ops.LocalOperation}), and {@code local
 * serve}, which runs the daemon in this process ({@link
 * dev.formation.platform.local.ops.LocalServeOperation}). Shaped like {@code ops}: a request in, a
 * result and {@code Diagnostics} out, no printing; the commands in {@code cli} render them. They
 * live with the local platform, not in {@code ops}, because the core knows no platform.
 *
 * <p>Dependency rule: {@code platform.local.ops} depends on {@code ops}, {@code platform.local},
 * {@code platform.local.state}, {@code platform.local.daemon}, {@code diag} and {@code platform}
 * only. Of {@code ops} it uses the host the commands hand it; the daemon's code only to run the
 * daemon in this process (LocalServeOperation, as ArchitectureTest checks). Never {@code cli} or
 * picocli.
 */
package dev.formation.platform.local.ops;
