package dev.formation.plan;

import dev.formation.live.SetupStep;

/**
 * A change to how an app is set up on its platform (a local app's registration: registering it,
 * moving it to another folder or router port, a type added or removed, a command edited), as its
 * placement planned it. Apply carries every setup change of an app out at once, before the
 * formation update.
 *
 * @param platform the word of the app's platform, whose provider says the step in words
 */
public record SetupChange(String platform, SetupStep step, CostRange costDelta) implements Change {
  public SetupChange {
    if (platform == null || step == null || costDelta == null) {
      throw new IllegalArgumentException("a setup change needs its platform, a step and a cost");
    }
  }

  /** What the step does, in the platform's word. */
  public String operation() {
    return step.operation();
  }

  @Override
  public Action action() {
    return Action.word(step.action());
  }

  @Override
  public String type() {
    return step.type();
  }
}
