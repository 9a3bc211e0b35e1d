/**
 * The platform SPI: read one app's live state and change it. Adapters live in sub-packages and
 * never import each other.
 *
 * <p>Dependency rule: {@code platform} depends on {@code plan} (for the live-state records) and
 * {@code diag}; never on {@code apply} or {@code cli}.
 */
package dev.formation.platform;
