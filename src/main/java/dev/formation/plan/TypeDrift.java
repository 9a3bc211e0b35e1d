package dev.formation.plan;

import dev.formation.config.AppSpec;
import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import java.util.List;

/** The drift of one listed process type that is on the platform: size, count, autoscaler. */
final class TypeDrift {
  private final AppSpec app;
  private final ProcessSpec desired;
  private final LiveProcess now;
  private final LiveMonitor monitor;

  TypeDrift(AppSpec app, ProcessSpec desired, LiveProcess now, LiveMonitor monitor) {
    this.app = app;
    this.desired = desired;
    this.now = now;
    this.monitor = AppPlanner.WEB.equals(now.type()) ? monitor : null;
  }

  void check(List<DriftItem> items) {
    if (!desired.size().name().equalsIgnoreCase(now.size())) {
      items.add(
          unexpected(
              DriftItem.Kind.SIZE,
              "`" + now.type() + "` runs on " + now.size() + " instead of " + desired.size().name(),
              desired.size().name(),
              now.size()));
    }
    boolean monitorOn = monitor != null && monitor.active();
    if (desired.autoscaled()) {
      checkAutoscaled(items, monitorOn);
    } else {
      if (now.quantity() != desired.quantity()) {
        items.add(
            unexpected(
                DriftItem.Kind.QUANTITY,
                "`" + now.type() + "` runs " + now.quantity() + " instead of " + desired.quantity(),
                String.valueOf(desired.quantity()),
                String.valueOf(now.quantity())));
      }
      if (monitorOn) {
        items.add(
            unexpected(
                DriftItem.Kind.AUTOSCALE,
                "an autoscaler was turned on for `"
                    + now.type()
                    + "`; the config sets a fixed count",
                "off",
                ProcessText.rule(AutoscaleRule.of(monitor))));
      }
    }
  }

  private void checkAutoscaled(List<DriftItem> items, boolean monitorOn) {
    AutoscaleRule rule = AutoscaleRule.of(app, desired.autoscale());
    if (rule.queueDriven()) {
      // the queue's autoscaler is formation's own (or KEDA's, which the placement compares)
      if (monitorOn) {
        items.add(
            unexpected(
                DriftItem.Kind.AUTOSCALE,
                "the platform's autoscaler was turned on for `"
                    + now.type()
                    + "`; the config autoscales it on its queue",
                ProcessText.rule(rule),
                ProcessText.rule(AutoscaleRule.of(monitor))));
      }
    } else if (!monitorOn) {
      items.add(
          unexpected(
              DriftItem.Kind.AUTOSCALE,
              "the autoscaler of `" + now.type() + "` is off; the config autoscales it",
              ProcessText.rule(rule),
              "off"));
    } else if (!rule.equals(AutoscaleRule.of(monitor))) {
      items.add(
          unexpected(
              DriftItem.Kind.AUTOSCALE,
              "the autoscaler of `" + now.type() + "` was changed by hand",
              ProcessText.rule(rule),
              ProcessText.rule(AutoscaleRule.of(monitor))));
    }
    String band = rule.band();
    if (!rule.contains(now.quantity())) {
      items.add(
          unexpected(
              DriftItem.Kind.QUANTITY,
              "`"
                  + now.type()
                  + "` runs "
                  + now.quantity()
                  + ", outside its autoscale band "
                  + band,
              band,
              String.valueOf(now.quantity())));
    } else if (desired.quantity() != null && desired.quantity() != now.quantity()) {
      items.add(
          Drift.item(
              app,
              now.type(),
              DriftItem.Kind.QUANTITY,
              DriftItem.Severity.EXPECTED,
              "the autoscaler moved `"
                  + now.type()
                  + "` from "
                  + desired.quantity()
                  + " to "
                  + now.quantity()
                  + ", inside its band "
                  + band,
              String.valueOf(desired.quantity()),
              String.valueOf(now.quantity()),
              now.updatedAt()));
    }
  }

  private DriftItem unexpected(
      DriftItem.Kind kind, String message, String expected, String actual) {
    return Drift.item(
        app,
        now.type(),
        kind,
        DriftItem.Severity.UNEXPECTED,
        message,
        expected,
        actual,
        now.updatedAt());
  }
}
