package dev.formation.ops.autoscale;

import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.config.PlatformKind;
import dev.formation.config.ProcessSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Formations with queue rules, built from specs: what a {@code queue:} block in formation.yaml
 * reads into.
 */
final class QueueFormations {
  private QueueFormations() {}

  /** A Redis rule over {@code lists} at {@code perDyno}, read every 30 s. */
  static QueueRule redis(int perDyno, Duration scaleDownAfter, String... lists) {
    return new QueueRule(
        new QueueSource.Redis("REDIS_URL", null, Arrays.asList(lists)),
        perDyno,
        scaleDownAfter,
        Duration.ofSeconds(30));
  }

  static ProcessSpec queued(String type, int min, int max, QueueRule rule) {
    return new ProcessSpec(
        type,
        Catalog.standard().find("standard-2x").orElseThrow(),
        null,
        new AutoscaleSpec(min, max, AutoscaleSpec.DEFAULT_P95_MS, false, rule),
        null);
  }

  static ProcessSpec fixed(String type, int quantity) {
    return new ProcessSpec(
        type, Catalog.standard().find("standard-1x").orElseThrow(), quantity, null, null);
  }

  static Formation heroku(String app, ProcessSpec... processes) {
    return on("heroku", app, processes);
  }

  static Formation on(String platform, String app, ProcessSpec... processes) {
    return new Formation(
        List.of(
            new AppSpec(
                app, PlatformKind.named(platform), false, null, Arrays.asList(processes), null)));
  }
}
