package dev.formation.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dyno size catalogue, read from the resource files {@code sizes.tsv} and {@code legacy.tsv}
 * beside this class. Lookups ignore case.
 */
public final class Catalog {
  /** At most this many eco dynos run at once in one app. */
  public static final int MAX_ECO_RUNNING_PER_APP = 2;

  /** What an account pays each month for its shared pool of eco dyno hours. */
  public static final int ECO_POOL_USD_PER_MONTH = 5;

  private static volatile Catalog standard;

  private final Map<String, Size> byKey;
  private final Map<String, String> legacy;

  Catalog(List<Size> sizes, Map<String, String> legacy) {
    Map<String, Size> map = new LinkedHashMap<>();
    for (Size s : sizes) {
      if (map.put(s.key(), s) != null) {
        throw new IllegalArgumentException("size listed twice: " + s.name());
      }
    }
    this.byKey = Collections.unmodifiableMap(map);
    this.legacy = Map.copyOf(legacy);
  }

  /** The catalogue shipped with formation. */
  public static Catalog standard() {
    Catalog c = standard;
    if (c == null) {
      synchronized (Catalog.class) {
        if (standard == null) {
          standard = new Catalog(readSizes(), readLegacy());
        }
        c = standard;
      }
    }
    return c;
  }

  /** Every size, in catalogue order (cheapest first within each tier). */
  public List<Size> all() {
    return List.copyOf(byKey.values());
  }

  /** The size with this name in any case, if the catalogue has it. */
  public Optional<Size> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(fold(name)));
  }

  /** For a retired name ({@code 1X}, {@code hobby}), the modern size that replaced it. */
  public Optional<Size> replacementForLegacy(String name) {
    String modern = name == null ? null : legacy.get(fold(name));
    return modern == null ? Optional.empty() : find(modern);
  }

  /** Every canonical name, for "did you mean" and schema completion. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    byKey.values().forEach(s -> names.add(s.name()));
    return names;
  }

  private static String fold(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  private static List<Size> readSizes() {
    List<Size> sizes = new ArrayList<>();
    for (String[] f : rows("sizes.tsv", 6)) {
      sizes.add(
          new Size(
              f[0],
              Tier.parse(f[1]),
              Integer.parseInt(f[2]),
              Integer.parseInt(f[3]),
              Integer.parseInt(f[4]),
              "yes".equals(f[5])));
    }
    return sizes;
  }

  private static Map<String, String> readLegacy() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String[] f : rows("legacy.tsv", 2)) {
      map.put(fold(f[0]), fold(f[1]));
    }
    return map;
  }

  private static List<String[]> rows(String resource, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalogue resource missing: " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != columns) {
          throw new IllegalStateException(resource + ": expected " + columns + " columns: " + line);
        }
        rows.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
