/**
 * The local platform's daemon: a small Heroku on one machine, bound to 127.0.0.1. Its API server
 * serves the Heroku API subset formation and the Heroku CLI use, plus formation's own {@code
 * /local/...} endpoints (status, logs, shutdown); its supervisor runs dynos as real processes from
 * each app's Procfile; its routers proxy HTTP to web dynos; its autoscaler scales them from
 * measured latency; its state store keeps each app in the state folder. It is a program of its own,
 * started as {@code formation local serve}: clients reach it only over HTTP, like real Heroku.
 *
 * <p>The core here: {@link dev.formation.platform.local.daemon.LocalDaemon} (its apps, start and
 * stop), the stored apps, their logs, the autoscaler and the clock. The API server is in {@code
 * .api}, the supervisor of the dynos in {@code .supervisor}, the routers in {@code .router}, the
 * Netty plumbing the API and the routers share in {@code .http}.
 *
 * <p>Dependency rule: {@code platform.local.daemon} depends on {@code platform.local.daemon.api},
 * {@code platform.local.daemon.supervisor}, {@code platform.local.daemon.router}, {@code
 * platform.local.daemon.http}, {@code platform.local.state}, {@code autoscale}, {@code
 * autoscale.read} and {@code catalog} only. Libraries: Jackson and Netty (the HTTP engine). Never
 * the CLI, {@code ops}, the planner ({@code plan}), {@code apply}, {@code config}, {@code live} or
 * an adapter.
 */
package dev.formation.platform.local.daemon;
