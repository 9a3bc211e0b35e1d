package dev.formation.config.yaml;

import dev.formation.diag.SourceRange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping in written order; keys are unique (the reader reports duplicates).
 *
 * @param byKey the same entries by key, so that a lookup in a mapping of thousands of apps does not
 *     scan them all (a file of many faulty apps made validation quadratic)
 */
public record YMap(List<Entry> entries, SourceRange range, long weight, Map<String, Entry> byKey)
    implements YNode {

  /** One key and its value; {@code key} keeps the key's own position. */
  public record Entry(String key, SourceRange keyRange, YNode value) {}

  public YMap {
    entries = List.copyOf(entries);
    byKey = Map.copyOf(byKey);
  }

  public YMap(List<Entry> entries, SourceRange range, long weight) {
    this(entries, range, weight, index(entries));
  }

  private static Map<String, Entry> index(List<Entry> entries) {
    Map<String, Entry> map = new HashMap<>();
    for (Entry e : entries) {
      map.putIfAbsent(e.key(), e);
    }
    return map;
  }

  @Override
  public String kindWord() {
    return "a mapping";
  }

  /** The entry for a key, or {@code null}. */
  public Entry entry(String key) {
    return byKey.get(key);
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
