package dev.formation.catalog;

import java.util.Locale;

/**
 * One dyno size from the catalogue.
 *
 * @param name the canonical name as the platform returns it ({@code Standard-2X}, {@code
 *     dyno-2c-1gb})
 * @param usdPerMonth the list price of one dyno running all month
 * @param maxPerType how many dynos of one process type may run at this size
 */
public record Size(
    String name, Tier tier, int memoryMb, int usdPerMonth, int maxPerType, boolean autoscale) {

  public Size {
    if (name == null || name.isBlank() || tier == null) {
      throw new IllegalArgumentException("a size needs a name and a tier");
    }
    if (memoryMb <= 0 || usdPerMonth < 0 || maxPerType <= 0) {
      throw new IllegalArgumentException("bad numbers for size " + name);
    }
  }

  /** The case-folded name used for lookups and comparisons. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  public Generation generation() {
    return tier.generation();
  }

  /** Memory as people say it: {@code 512 MB}, {@code 2.5 GB}. */
  public String memoryText() {
    if (memoryMb < 1024) {
      return memoryMb + " MB";
    }
    double gb = memoryMb / 1024.0;
    return (gb == Math.rint(gb) ? String.valueOf((long) gb) : String.valueOf(gb)) + " GB";
  }
}
