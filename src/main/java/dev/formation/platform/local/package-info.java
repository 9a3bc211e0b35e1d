/**
 * The local platform: a small Heroku on one machine. A daemon bound to 127.0.0.1 serves the Heroku
 * API subset formation uses, runs dynos as real processes from each app's Procfile, routes HTTP to
 * web dynos and autoscales them from measured latency.
 *
 * <p>Dependency rule: {@code platform.local} depends on {@code platform}, {@code live}, {@code
 * config}, {@code config.yaml}, {@code diag} and {@code catalog} only. It uses the config packages
 * and {@code diag} for {@link dev.formation.platform.local.LocalProvider}, the platform's provider,
 * and for the rules of its {@code local} block. Libraries: Jackson and Netty (the HTTP engine).
 * Never another platform's package ({@code platform.heroku}: its Heroku API adapter comes through
 * the provider interface), {@code apply} or {@code cli}: clients reach it only over HTTP, like real
 * Heroku.
 */
package dev.formation.platform.local;
