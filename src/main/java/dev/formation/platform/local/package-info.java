/**
 * The local platform as formation's commands use it: {@link
 * dev.formation.platform.local.LocalPlatform}, the adapter that drives the daemon through the same
 * Heroku adapter as real Heroku, and the daemon's client side. The daemon itself ({@code
 * platform.local.daemon}) is a program of its own: this package reaches it only over its HTTP API,
 * with the bearer token of the documented token file, and starts it as a separate process.
 *
 * <p>*
 *
 * <p>Dependency rule: {@code platform.local} depends on {@code platform}, {@code live}, {@code
 * config}, {@code config.yaml}, {@code diag}, {@code catalog}, {@code autoscale} and {@code
 * platform.local.state} only. It uses the config packages and {@code diag} for {@link
 * dev.formation.platform.local.LocalProvider}, the platform's provider, and for the rules of its
 * {@code local} block. Library: Jackson. Never the daemon's code ({@code platform.local.daemon}),
 * another platform's package ({@code platform.heroku}: its Heroku API adapter comes through the
 * provider interface), {@code apply} or {@code cli}.
 */
package dev.formation.platform.local;
