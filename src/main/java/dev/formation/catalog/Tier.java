package dev.formation.catalog;

import java.util.Locale;

/** A size's tier. Tiers in the same {@link #group()} may share one app; others may not. */
public enum Tier {
  ECO("eco"),
  BASIC("basic"),
  STANDARD("standard+performance"),
  PERFORMANCE("standard+performance"),
  PRIVATE("private"),
  SHIELD("shield"),
  FIR("fir");

  private final String group;

  Tier(String group) {
    this.group = group;
  }

  /** The mixing group: sizes of one app must all come from one group. */
  public String group() {
    return group;
  }

  public Generation generation() {
    return this == FIR ? Generation.FIR : Generation.CEDAR;
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Tier parse(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }
}
