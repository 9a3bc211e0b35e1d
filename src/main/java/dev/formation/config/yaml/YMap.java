package dev.formation.config.yaml;

import dev.formation.diag.SourceRange;
import java.util.List;

/** A YAML mapping in written order; keys are unique (the reader reports duplicates). */
public record YMap(List<Entry> entries, SourceRange range, long weight) implements YNode {

  /** One key and its value; {@code key} keeps the key's own position. */
  public record Entry(String key, SourceRange keyRange, YNode value) {}

  public YMap {
    entries = List.copyOf(entries);
  }

  @Override
  public String kindWord() {
    return "a mapping";
  }

  /** The entry for a key, or {@code null}. */
  public Entry entry(String key) {
    for (Entry e : entries) {
      if (e.key().equals(key)) {
        return e;
      }
    }
    return null;
  }

  /** The value for a key, or {@code null} when the key is absent. */
  public YNode get(String key) {
    Entry e = entry(key);
    return e == null ? null : e.value();
  }

  public boolean has(String key) {
    return entry(key) != null;
  }
}
