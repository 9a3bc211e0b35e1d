/**
 * The Heroku Platform API adapter: {@link dev.formation.platform.heroku.HerokuPlatform} over {@code
 * java.net.http}, with retries, rate-limit pacing and redacted tracing; wire records in {@code
 * api}.
 *
 * <p>Dependency rule: depends on {@code platform}, {@code plan} and the JDK plus Jackson; never on
 * another adapter, {@code apply} or {@code cli}.
 */
package dev.formation.platform.heroku;
