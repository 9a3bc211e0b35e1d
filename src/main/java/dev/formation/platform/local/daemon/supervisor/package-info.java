/**
 * The local daemon's supervisor: each dyno a real process group ({@code setsid sh -c COMMAND}) in
 * its app's folder, with its output through a named pipe into the app's log, restarted with backoff
 * when it crashes, stopped with SIGTERM then SIGKILL, its memory held to its size's quota, its
 * process group recorded in a pid file so a later daemon or {@code local stop} can stop it.
 *
 * <p>Dependency rule: {@code platform.local.daemon.supervisor} depends on {@code
 * platform.local.daemon}, {@code platform.local.state} and {@code catalog} only.
 */
package dev.formation.platform.local.daemon.supervisor;
