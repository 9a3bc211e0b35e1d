package dev.formation.config;

import dev.formation.diag.DidYouMean;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** IANA time zone names as the JDK's tz database knows them, and hints for a misspelt one. */
final class ZoneNames {
  private static final Set<String> KNOWN = new TreeSet<>(ZoneId.getAvailableZoneIds());

  private ZoneNames() {}

  /** The zone of an exact IANA name; offsets such as {@code +01:00} are not names. */
  static Optional<ZoneId> find(String name) {
    return KNOWN.contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
  }

  /** A hint for a name that is not a zone: the zone it most likely means, or how to write one. */
  static String hint(String name) {
    String trimmed = name.trim();
    if (trimmed.matches("(?i)(utc|gmt)?\\s*[+-]\\d{1,2}(:?\\d{2})?")) {
      return "an offset does not follow daylight saving time; name a region such as"
          + " `Europe/Berlin` or `America/New_York`, or `UTC`";
    }
    List<String> byCase = KNOWN.stream().filter(z -> z.equalsIgnoreCase(trimmed)).limit(1).toList();
    if (!byCase.isEmpty()) {
      return "did you mean `" + byCase.get(0) + "`? zone names are case-sensitive";
    }
    String city = trimmed.replace(' ', '_').toLowerCase(Locale.ROOT);
    List<String> byCity =
        KNOWN.stream()
            .filter(z -> z.contains("/"))
            .filter(z -> z.substring(z.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).equals(city))
            .limit(1)
            .toList();
    if (!byCity.isEmpty()) {
      return "did you mean `" + byCity.get(0) + "`?";
    }
    String close = DidYouMean.didYouMean(trimmed, KNOWN);
    return close != null
        ? close
        : "use an IANA time zone name such as `Europe/Berlin`, `America/New_York` or `UTC`";
  }
}
