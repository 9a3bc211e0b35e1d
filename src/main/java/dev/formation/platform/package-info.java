/**
 * The platform SPI: {@link dev.formation.platform.Platform#read read(Target)} one app's live state
 * and {@link dev.formation.platform.Platform#apply apply(Target, app, Write)} one change to it.
 * Adapters live in sub-packages and never import each other.
 *
 * <p>Dependency rule: {@code platform} depends on {@code live} and {@code config} only. Library:
 * the JDK's {@code javax.net.ssl}, for {@link dev.formation.platform.NoTls}.
 */
package dev.formation.platform;
