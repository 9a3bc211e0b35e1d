package dev.formation.platform.kubernetes;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kubernetes size map by default: what one replica of each catalogue size requests on a
 * cluster, its CPU from {@code size-map.tsv} beside this class and its memory from the catalogue
 * (as both request and limit). An app overrides it under {@code kubernetes.sizes}.
 */
final class SizeMap {
  private static final String RESOURCE = "size-map.tsv";

  private SizeMap() {}

  private static final class Holder {
    static final Map<String, Resources> STANDARD = read(Catalog.standard());
  }

  /** Every catalogue size by canonical name, in catalogue order. */
  static Map<String, Resources> standard() {
    return Holder.STANDARD;
  }

  private static Map<String, Resources> read(Catalog catalog) {
    Map<String, Long> cpu = new HashMap<>();
    try (InputStream in = SizeMap.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("size map resource missing: " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        Size s = catalog.find(f[0]).orElse(null);
        if (f.length != 2 || s == null) {
          throw new IllegalStateException(RESOURCE + ": not a size and its CPU: " + line);
        }
        cpu.put(s.key(), Long.parseLong(f[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Resources> map = new LinkedHashMap<>();
    for (Size s : catalog.all()) {
      Long millis = cpu.get(s.key());
      if (millis == null) {
        throw new IllegalStateException(RESOURCE + " has no row for " + s.name());
      }
      map.put(s.name(), Resources.ofMib(millis, s.memoryMb()));
    }
    return Collections.unmodifiableMap(map);
  }
}
