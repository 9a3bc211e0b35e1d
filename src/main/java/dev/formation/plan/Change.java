package dev.formation.plan;

/**
 * One thing apply will do to an app: scale or resize a process type, touch its autoscaler, or
 * change a local app's registration.
 */
public sealed interface Change permits ProcessChange, MonitorChange, LocalChange {

  /** How this change counts in the summary. */
  Action action();

  /**
   * The process type it concerns ({@code web} for autoscalers); {@code null} for a change to the
   * app as a whole (a local app's registration).
   */
  String type();

  /** What this change adds to the app's monthly cost (negative when it saves). */
  CostRange costDelta();
}
