package dev.formation.cli.render;

import dev.formation.plan.Plan;

/** The words every view of a plan uses for apps it could not read or plan. */
final class Incomplete {
  private Incomplete() {}

  /**
   * {@code 1 of 3 apps could not be read: the plan is incomplete}, or {@code null} for a plan that
   * covers every app.
   */
  static String sentence(Plan plan) {
    if (!plan.incomplete()) {
      return null;
    }
    long unread = plan.unreadApps();
    long unplanned = plan.unplannedApps();
    int total = plan.apps().size();
    String of = " of " + total + (total == 1 ? " app" : " apps") + " could not be ";
    String what =
        unread == 0
            ? unplanned + of + "planned"
            : unread
                + of
                + "read"
                + (unplanned == 0 ? "" : " and " + unplanned + " could not be planned");
    return what + ": the plan is incomplete";
  }
}
