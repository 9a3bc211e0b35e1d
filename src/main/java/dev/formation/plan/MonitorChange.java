package dev.formation.plan;

/**
 * A change to an app's web autoscaler. Apply disables monitors before the batch formation update
 * and enables or updates them after it.
 *
 * @param monitorId the live monitor's id; {@code null} when {@link Kind#ENABLE} must create one
 * @param from the live settings, or {@code null} when there is no monitor
 * @param to the settings to write, or {@code null} for {@link Kind#DISABLE}
 */
public record MonitorChange(
    Kind kind,
    String type,
    String monitorId,
    AutoscaleRule from,
    AutoscaleRule to,
    CostRange costDelta)
    implements Change {

  /** What apply does to the monitor. */
  public enum Kind {
    /** Create the monitor, or turn an inactive one on with new settings. */
    ENABLE(Action.ADD),
    /** Change the settings of an active monitor. */
    UPDATE(Action.CHANGE),
    /** Turn an active monitor off. */
    DISABLE(Action.REMOVE);

    private final Action action;

    Kind(Action action) {
      this.action = action;
    }

    public Action action() {
      return action;
    }
  }

  public MonitorChange {
    if (kind == null || type == null || costDelta == null) {
      throw new IllegalArgumentException("a monitor change needs a kind, a type and a cost");
    }
    if ((kind == Kind.DISABLE) != (to == null)) {
      throw new IllegalArgumentException("only a disable has no target settings");
    }
    if (kind != Kind.ENABLE && (monitorId == null || from == null)) {
      throw new IllegalArgumentException(kind + " needs the live monitor");
    }
  }

  @Override
  public Action action() {
    return kind.action();
  }

  /** Whether apply must create a new monitor rather than update an existing one. */
  public boolean createsMonitor() {
    return kind == Kind.ENABLE && monitorId == null;
  }
}
