package dev.formation.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --target APP[.TYPE]} option (repeatable) of plan and apply, as a mixin. */
public final class TargetOption {
  @Option(
      names = "--target",
      paramLabel = "APP[.TYPE]",
      description =
          "Narrow the plan to this app, or to one process type of it (repeatable); the other"
              + " types of the app are left as they are, never pruned. --app APP is the same as"
              + " --target APP. For exceptional situations: the rest may be left out of step.")
  private List<String> targets = new ArrayList<>();

  List<String> targets() {
    return targets;
  }
}
