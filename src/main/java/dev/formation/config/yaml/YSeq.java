package dev.formation.config.yaml;

import dev.formation.diag.SourceRange;
import java.util.List;

/** A YAML sequence. */
public record YSeq(List<YNode> items, SourceRange range, long weight) implements YNode {
  public YSeq {
    items = List.copyOf(items);
  }

  @Override
  public String kindWord() {
    return "a list";
  }
}
