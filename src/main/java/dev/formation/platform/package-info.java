/**
 * The platform SPI: a {@link dev.formation.platform.PlatformProvider} per platform, found at run
 * time by {@link java.util.ServiceLoader}, opens the platform's adapter, a {@link
 * dev.formation.platform.Platform} that can {@link dev.formation.platform.Platform#read
 * read(Target)} one app's live state and {@link dev.formation.platform.Platform#apply apply(Target,
 * app, Write)} one change to it. Each platform lives in its own sub-package tree, and platforms
 * never import each other.
 *
 * <p>Dependency rule: {@code platform} depends on {@code live}, {@code config} and {@code diag}
 * only. Library: the JDK's {@code javax.net.ssl}, for {@link dev.formation.platform.NoTls}.
 */
package dev.formation.platform;
