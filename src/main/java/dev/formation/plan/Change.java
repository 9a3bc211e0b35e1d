package dev.formation.plan;

/**
 * One thing apply will do to an app: scale or resize a process type, touch its autoscaler, or
 * change how the app is set up on its platform.
 */
public sealed interface Change permits ProcessChange, MonitorChange, SetupChange {

  /** How this change counts in the summary. */
  Action action();

  /**
   * The process type it concerns ({@code web} for autoscalers); {@code null} for a change to the
   * app as a whole (its setup on the platform).
   */
  String type();

  /** What this change adds to the app's monthly cost (negative when it saves). */
  CostRange costDelta();
}
