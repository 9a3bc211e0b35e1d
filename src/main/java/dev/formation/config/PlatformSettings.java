package dev.formation.config;

import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.live.Placement;
import java.util.List;
import java.util.Optional;

/**
 * An app's settings of its platform, as the platform's provider read them from the app's block:
 * opaque to the core, which asks only what this interface offers. The defaults are those of a
 * platform that sizes and prices by the catalogue and measures its autoscaler by p95 response time.
 */
public interface PlatformSettings {

  /**
   * Where the app should be, as the platform's adapter and a saved plan need it: handed to the
   * adapter with every read and write of the app, and back to the provider from a saved plan.
   *
   * @param processes the app's process types, in config order
   */
  Placement placement(List<ProcessSpec> processes);

  /** Whether the app's sizes are priced by these settings rather than by the catalogue. */
  default boolean ownsPrices() {
    return false;
  }

  /**
   * Whether these settings give prices at all; an app that owns prices but has none is costed in
   * what it requests.
   */
  default boolean priced() {
    return false;
  }

  /** The monthly price of one of {@code size} here, when the settings price it. */
  default Optional<Long> price(String size) {
    return Optional.empty();
  }

  /** What one of {@code size} requests on the platform, or {@code null} when sized by name. */
  default Resources resources(Size size) {
    return null;
  }

  /**
   * What the platform's autoscaler measures, in {@code LiveMonitor#metric} words, or {@code null}
   * for the platform's own p95 response time.
   */
  default String autoscaleMetric() {
    return null;
  }

  /** Whether the autoscaler targets {@code p95_ms} (else it measures something without one). */
  default boolean targetsLatency() {
    return true;
  }

  /** A remark for the plan of an autoscaled type, when the platform cannot do all it says. */
  default Optional<String> autoscaleNote(String app, String type) {
    return Optional.empty();
  }
}
