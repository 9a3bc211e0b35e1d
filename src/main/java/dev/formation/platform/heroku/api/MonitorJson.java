package dev.formation.platform.heroku.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A metrics-API monitor, read and written; null fields are left out, so the same record is the full
 * create body and the three-field disable body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MonitorJson(
    String id,
    String name,
    @JsonProperty("action_type") String actionType,
    @JsonProperty("is_active") Boolean active,
    String op,
    Integer period,
    Integer value,
    @JsonProperty("min_quantity") Integer minQuantity,
    @JsonProperty("max_quantity") Integer maxQuantity,
    @JsonProperty("notification_channels") List<String> notificationChannels,
    @JsonProperty("notification_period") Integer notificationPeriod) {

  public static final String SCALE_NAME = "LATENCY_SCALE";
  public static final String SCALE_ACTION = "scale";
  public static final String OP = "GREATER_OR_EQUAL";

  /** Whether this is the web autoscaling monitor (not an alert monitor). */
  @JsonIgnore
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
