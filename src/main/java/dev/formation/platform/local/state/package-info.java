/**
 * What the local platform's daemon and its clients share without talking: the state folder's layout
 * and its files (settings, the token file, {@code daemon.json}, the daemon's lock, the dynos' pid
 * files, written 0600 and atomically), the process groups those pid files name, and the Procfile
 * format. The daemon writes these files; a client reads only the token, {@code daemon.json}, the
 * lock and {@code api-port} to find and start the daemon, and the rest only while no daemon holds
 * the state folder (see docs/local-platform.md).
 *
 * <p>Dependency rule: {@code platform.local.state} depends on nothing else in formation. Library:
 * Jackson.
 */
package dev.formation.platform.local.state;
