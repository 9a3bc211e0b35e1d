package dev.formation.cli.render;

import dev.formation.plan.Plan;
import dev.formation.plan.Target;
import java.util.stream.Collectors;

/** The targets of a plan narrowed by {@code --target}, as every format names them. */
final class Targets {
  private Targets() {}

  /** {@code shop.web, billing}: each target as given, in order. */
  static String words(Plan plan) {
    return plan.targets().stream().map(Target::word).collect(Collectors.joining(", "));
  }
}
