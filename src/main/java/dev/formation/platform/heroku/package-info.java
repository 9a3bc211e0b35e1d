/**
 * The Heroku Platform API adapter: {@link dev.formation.platform.heroku.HerokuPlatform} over {@code
 * java.net.http}, with retries, rate-limit pacing and redacted tracing; wire records in {@code
 * api}.
 *
 * <p>Dependency rule: {@code platform.heroku} depends on {@code platform.heroku.api}, {@code
 * platform}, {@code live} and {@code catalog} only. Libraries: none; HTTP through {@code
 * java.net.http}, JSON through {@code api}. Never another adapter, {@code plan}, {@code apply} or
 * {@code config}.
 */
package dev.formation.platform.heroku;
