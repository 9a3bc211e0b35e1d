package dev.formation.cli;

import dev.formation.config.Guardrail;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --allow RULE} option (repeatable) of plan and apply, as a mixin. */
public final class AllowOption {
  @Option(
      names = "--allow",
      paramLabel = "RULE",
      completionCandidates = AllowOption.Rules.class,
      description =
          "Let a breach of this guardrail through (repeatable): max_monthly_increase,"
              + " max_scale_down_percent, protect, require_branch. The plan says it was allowed"
              + " and the apply's git note records it and who ran it.")
  private List<String> allow = new ArrayList<>();

  List<String> rules() {
    return allow;
  }

  /** The guardrail names, for shell completion. */
  static final class Rules implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Guardrail.keys().iterator();
    }
  }
}
