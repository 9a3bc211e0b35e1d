/**
 * The Heroku Platform API adapter: {@link dev.formation.platform.heroku.HerokuPlatform} over {@code
 * java.net.http}, with retries, rate-limit pacing and redacted tracing; wire records in {@code
 * api}.
 *
 * <p>Dependency rule: {@code platform.heroku} depends on {@code platform.heroku.api}, {@code
 * platform}, {@code live}, {@code config} and {@code catalog} only. It uses {@code config} for
 * {@link dev.formation.platform.heroku.HerokuProvider}, the platform's provider. Libraries: none;
 * HTTP through {@code java.net.http}, JSON through {@code api}. Never another platform, {@code
 * plan} or {@code apply}.
 */
package dev.formation.platform.heroku;
