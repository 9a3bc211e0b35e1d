/**
 * Wire records of the Heroku Platform and metrics APIs and their JSON mapping; nothing else in
 * formation sees these shapes.
 */
package dev.formation.platform.heroku.api;
