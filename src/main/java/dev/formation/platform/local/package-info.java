/**
 * The local platform: a small Heroku on one machine. A daemon bound to 127.0.0.1 serves the Heroku
 * API subset formation uses, runs dynos as real processes from each app's Procfile, routes HTTP to
 * web dynos and autoscales them from measured latency.
 *
 * <p>Dependency rule: {@code platform.local} depends on {@code platform}, {@code live} and {@code
 * catalog} only. Libraries: Jackson and Netty (the HTTP engine). Never another adapter ({@code
 * platform.heroku}), {@code config}, {@code apply} or {@code cli}: clients reach it only over HTTP,
 * like real Heroku.
 */
package dev.formation.platform.local;
