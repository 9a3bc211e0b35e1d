/**
 * The operations: plan, apply, drift, import, diff, log and scale as plain Java. Each takes request
 * records ({@link dev.formation.ops.ConfigSource}, {@link dev.formation.ops.Selection}, {@link
 * dev.formation.ops.Settings}, {@link dev.formation.ops.Host}) and returns a result that carries
 * its {@link dev.formation.diag.Diagnostics}; none parses arguments, prints or picks an exit code.
 * The commands in {@code cli} do that around them.
 *
 * <p>Dependency rule: {@code ops} depends on {@code apply}, {@code planfile}, {@code plan}, {@code
 * live}, {@code config}, {@code config.edit}, {@code catalog}, {@code diag}, {@code git} and {@code
 * platform} only. Never {@code cli}, picocli or a platform's own package: every platform is reached
 * through its {@link dev.formation.platform.PlatformProvider}, found at run time. JGit is reached
 * only through {@code git}, and only when a command needs git; a platform's libraries only when its
 * first app is read.
 */
package dev.formation.ops;
