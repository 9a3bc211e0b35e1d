/**
 * Start-up tuning, and nothing else: work that exists only to make a short-lived command start
 * faster. {@link dev.formation.startup.Startup#headStart} starts the head starts a command gets on
 * background threads (the config schema read early, a load of a built-in config before a large one,
 * one read through the Heroku adapter against a loopback socket before a command's many reads);
 * {@link dev.formation.startup.Training} is the training run behind the launcher's
 * class-data-sharing archive. Take the package away, with its one line in {@code Main} and the
 * launcher's training step, and every command does and prints the same, only later. What each piece
 * is worth, and how it was measured, is in docs/performance.md.
 *
 * <p>Dependency rule: {@code startup} depends on any package of formation, as a user of its
 * ordinary entry points. Nothing in formation depends on it but {@code Main}, in one line (checked
 * by ArchitectureTest). Libraries: picocli and the JDK's {@code com.sun.net.httpserver} (the
 * training run's stand-in API).
 */
package dev.formation.startup;
