/**
 * Wire records of the Heroku Platform and metrics APIs and their JSON mapping; nothing else in
 * formation sees these shapes.
 *
 * <p>Dependency rule: {@code platform.heroku.api} depends only on Jackson and the JDK; only {@code
 * platform.heroku} uses it.
 */
package dev.formation.platform.heroku.api;
