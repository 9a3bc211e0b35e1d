/**
 * The operations: plan, apply, drift, import, diff, log and scale as plain Java. Each takes request
 * records ({@link dev.formation.ops.ConfigSource}, {@link dev.formation.ops.Selection}, {@link
 * dev.formation.ops.Settings}, {@link dev.formation.ops.Host}) and returns a result that carries
 * its {@link dev.formation.diag.Diagnostics}; none parses arguments, prints or picks an exit code.
 * The commands in {@code cli} do that around them.
 *
 * <p>Dependency rule: {@code ops} depends on {@code apply}, {@code planfile}, {@code plan}, {@code
 * live}, {@code config}, {@code config.edit}, {@code catalog}, {@code diag}, {@code git}, {@code
 * platform}, {@code platform.heroku}, {@code platform.local}, {@code platform.local.state}, {@code
 * platform.local.daemon} and {@code platform.kubernetes} only. Never {@code cli} or picocli. The
 * local daemon's code is used only to run the daemon in this process ({@code LocalServeOperation});
 * every other local operation reaches it over its HTTP API. JGit is reached only through {@code
 * git}, and only when a command needs git; fabric8 only through {@code platform.kubernetes}, and
 * only when a Kubernetes app is read.
 */
package dev.formation.ops;
