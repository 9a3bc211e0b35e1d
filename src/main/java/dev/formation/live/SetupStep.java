package dev.formation.live;

/**
 * One step of setting an app up on its platform, as its placement plans it: plain words the core
 * carries into a plan, a saved plan and apply, and the platform's provider puts into sentences.
 *
 * @param operation what the step does, in the platform's own word ({@code register}, {@code port})
 * @param action how it counts in a plan's summary: {@code add}, {@code change} or {@code remove}
 * @param type the process type it concerns, or {@code null} for the app as a whole
 * @param from what it is now, or {@code null} where there is nothing yet
 * @param to what it becomes, or {@code null} where it goes away
 * @param port the port a new setup listens on, where the step makes one; else {@code null}
 * @param secret {@code from} and {@code to} hold text a shared plan must not show (a command): a
 *     saved plan keeps them sealed to their digests
 */
public record SetupStep(
    String operation,
    String action,
    String type,
    String from,
    String to,
    Integer port,
    boolean secret) {
  public SetupStep {
    if (operation == null || operation.isEmpty()) {
      throw new IllegalArgumentException("a setup step names its operation");
    }
    if (!action.equals("add") && !action.equals("change") && !action.equals("remove")) {
      throw new IllegalArgumentException("a setup step adds, changes or removes: " + action);
    }
  }
}
