package dev.formation.plan;

/** One thing apply will do to an app: scale or resize a process type, or touch its autoscaler. */
public sealed interface Change permits ProcessChange, MonitorChange {

  /** How this change counts in the summary. */
  Action action();

  /** The process type it concerns ({@code web} for autoscalers). */
  String type();

  /** What this change adds to the app's monthly cost (negative when it saves). */
  CostRange costDelta();
}
