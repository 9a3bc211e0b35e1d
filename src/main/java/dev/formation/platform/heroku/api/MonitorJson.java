package dev.formation.platform.heroku.api;

import java.util.List;

/**
 * A metrics-API monitor, read and written; null fields are left out, so the same record is the full
 * create body and the three-field disable body.
 */
public record MonitorJson(
    String id,
    String name,
    String actionType,
    Boolean active,
    String op,
    Integer period,
    Integer value,
    Integer minQuantity,
    Integer maxQuantity,
    List<String> notificationChannels,
    Integer notificationPeriod) {

  public static final String SCALE_NAME = "LATENCY_SCALE";
  public static final String SCALE_ACTION = "scale";
  public static final String OP = "GREATER_OR_EQUAL";

  /** Whether this is the web autoscaling monitor (not an alert monitor). */
  public boolean isScaleMonitor() {
    return SCALE_ACTION.equals(actionType) && SCALE_NAME.equals(name);
  }

  /** The active scale monitor body that create and update send. */
  public static MonitorJson scale(int min, int max, int p95Ms, boolean notifyApp) {
    return new MonitorJson(
        null,
        SCALE_NAME,
        SCALE_ACTION,
        true,
        OP,
        1,
        p95Ms,
        min,
        max,
        notifyApp ? List.of("app") : List.of(),
        1440);
  }

  /** The disable body: {@code is_active: false} with the fields the API requires beside it. */
  public static MonitorJson disable() {
    return new MonitorJson(null, null, null, false, OP, 1, null, null, null, null, null);
  }
}
