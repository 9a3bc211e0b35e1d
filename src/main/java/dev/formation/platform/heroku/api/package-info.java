/**
 * Wire records of the Heroku Platform and metrics APIs and their JSON mapping; nothing else in
 * formation sees these shapes.
 *
 * <p>Dependency rule: {@code platform.heroku.api} depends on nothing else in formation. Libraries:
 * jackson-core (streaming, no data binding). Only {@code platform.heroku} uses it.
 */
package dev.formation.platform.heroku.api;
