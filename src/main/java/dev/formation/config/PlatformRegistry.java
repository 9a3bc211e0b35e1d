package dev.formation.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The installed platforms, loaded once with {@link ServiceLoader} from every {@code
 * META-INF/services/dev.formation.config.PlatformKind} on the class path. Loading a provider only
 * makes its small provider object: its adapter, and the libraries behind it, are loaded when an
 * operation first opens it.
 */
final class PlatformRegistry {
  private PlatformRegistry() {}

  private static final class Holder {
    static final List<PlatformKind> ALL = load();
  }

  static List<PlatformKind> all() {
    return Holder.ALL;
  }

  static PlatformKind byDefault() {
    return Holder.ALL.get(0);
  }

  static Optional<PlatformKind> find(String word) {
    for (PlatformKind k : Holder.ALL) {
      if (k.word().equals(word)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private static List<PlatformKind> load() {
    return arrange(ServiceLoader.load(PlatformKind.class, PlatformKind.class.getClassLoader()));
  }

  /**
   * The platforms found, the default first, then in the order found; two of one word, or not
   * exactly one default, is a broken installation.
   */
  static List<PlatformKind> arrange(Iterable<? extends PlatformKind> loaded) {
    List<PlatformKind> found = new ArrayList<>();
    PlatformKind byDefault = null;
    for (PlatformKind k : loaded) {
      for (PlatformKind f : found) {
        if (f.word().equals(k.word())) {
          throw new IllegalStateException("two platforms are installed as " + k.word());
        }
      }
      if (k.isDefault()) {
        if (byDefault != null) {
          throw new IllegalStateException("exactly one installed platform must be the default");
        }
        byDefault = k;
      } else {
        found.add(k);
      }
    }
    if (byDefault == null) {
      throw new IllegalStateException("exactly one installed platform must be the default");
    }
    found.add(0, byDefault); // the default first, then in the order they were found
    return List.copyOf(found);
  }
}
