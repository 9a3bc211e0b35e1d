/**
 * The local daemon's HTTP API on Netty: the Heroku Platform API subset formation and the Heroku CLI
 * use, the metrics API's monitors, and formation's own {@code /local/...} endpoints (status, logs,
 * shutdown). {@link dev.formation.platform.local.daemon.api.ApiServer} checks the host, the token,
 * the budget and the {@code Accept} header on the event loop; {@code Routes} maps a request to the
 * daemon; {@code Wire} writes Heroku's JSON shapes; {@code FormationRules} holds Heroku's checks of
 * a formation update.
 *
 * <p>Dependency rule: {@code platform.local.daemon.api} depends on {@code platform.local.daemon},
 * {@code platform.local.daemon.http}, {@code platform.local.daemon.supervisor}, {@code
 * platform.local.state}, {@code autoscale}, {@code autoscale.read} and {@code catalog} only.
 * Libraries: Jackson and Netty.
 */
package dev.formation.platform.local.daemon.api;
