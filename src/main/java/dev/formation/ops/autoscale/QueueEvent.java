package dev.formation.ops.autoscale;

import java.time.Instant;
import java.util.Locale;

/**
 * One decision of the controller about one process type, as {@code formation autoscale} prints it
 * (one JSON line each, {@code schemas/autoscale.schema.json}).
 *
 * @param backlog the backlog read, or {@code null} when it could not be read
 * @param current the type's count before the decision, or {@code null} when the app could not be
 *     read
 * @param desired the count after it: the current one unless the action is {@code scale}; {@code
 *     null} when the app could not be read
 * @param reason why, never a secret
 */
public record QueueEvent(
    Instant time,
    String app,
    String type,
    Long backlog,
    Integer current,
    Integer desired,
    Action action,
    String reason) {

  /** What the controller did about the type. */
  public enum Action {
    /** Its count was changed to {@code desired}. */
    SCALE,
    /** Its count was right. */
    HOLD,
    /**
     * Its backlog or formation could not be read, or the new count not written: nothing changed.
     */
    ERROR;

    /** The word in the JSON line. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public QueueEvent {
    if (time == null || app == null || type == null || action == null || reason == null) {
      throw new IllegalArgumentException("an autoscale event names its moment, app, type, why");
    }
    if (action != Action.ERROR && (current == null || desired == null || backlog == null)) {
      throw new IllegalArgumentException("a decision has a backlog and counts: " + action);
    }
  }

  /** The same event as a failure: the count stays as it was. */
  QueueEvent failed(String why) {
    return new QueueEvent(time, app, type, backlog, current, current, Action.ERROR, why);
  }
}
