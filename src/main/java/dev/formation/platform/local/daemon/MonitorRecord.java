package dev.formation.platform.local.daemon;

import java.util.List;

/** A metrics monitor of a local app's web formation, shaped like Heroku's. */
public record MonitorRecord(
    String id,
    String name,
    String actionType,
    boolean active,
    String op,
    int period,
    int value,
    int minQuantity,
    int maxQuantity,
    List<String> notificationChannels,
    int notificationPeriod) {

  public MonitorRecord {
    notificationChannels = List.copyOf(notificationChannels);
  }

  public boolean scales() {
    return "scale".equals(actionType);
  }

  public MonitorRecord withActive(boolean on) {
    return new MonitorRecord(
        id,
        name,
        actionType,
        on,
        op,
        period,
        value,
        minQuantity,
        maxQuantity,
        notificationChannels,
        notificationPeriod);
  }
}
