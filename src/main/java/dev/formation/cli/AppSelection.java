package dev.formation.cli;

import dev.formation.ops.Selection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --app NAME} filter (repeatable) of plan, apply and drift, as a mixin. */
public final class AppSelection {
  @Option(
      names = "--app",
      paramLabel = "APP",
      description = "Only this app (repeatable; default: every app in the config).")
  private List<String> apps = new ArrayList<>();

  Selection selection() {
    return new Selection(apps);
  }

  /** The apps named, narrowed further by {@code --target}. */
  Selection selection(TargetOption targets) {
    return new Selection(apps, targets.targets());
  }
}
