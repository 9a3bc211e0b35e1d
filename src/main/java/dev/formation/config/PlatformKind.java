package dev.formation.config;

import java.util.List;
import java.util.Optional;

/**
 * Which platform an app lives on, as the config sees it: one per installed platform, each the
 * config-side face of a platform provider (see {@code docs/platforms.md}). Providers are found at
 * run time by {@link java.util.ServiceLoader} under this interface's name, so the config names no
 * platform of its own: the {@code platform:} word of an app is looked up here.
 *
 * <p>Every instance comes from the registry and is the only one of its name, so kinds compare with
 * {@code ==}.
 */
public interface PlatformKind {

  /** The word used in formation.yaml ({@code platform: <word>}) and in saved plans. */
  String word();

  /**
   * The key of the platform's own block in an app ({@code <word>: {...}} next to {@code
   * processes}), or {@code null} when its apps have none. The schema file describes the block.
   */
  default String blockKey() {
    return null;
  }

  /** Whether this is the platform of an app that names none; exactly one provider says so. */
  default boolean isDefault() {
    return false;
  }

  /**
   * Whether the platform's autoscaler brings the count into its band by itself as soon as it exists
   * (then enabling one never needs a starting count written).
   */
  default boolean autoscalerSetsTheCount() {
    return false;
  }

  /**
   * Whether the platform refuses an app whose running types mix tier groups, so that a tier move
   * must carry idle types along.
   */
  default boolean enforcesTiers() {
    return true;
  }

  /** Every installed platform: the default first, then in the order they were found. */
  static List<PlatformKind> all() {
    return PlatformRegistry.all();
  }

  /** The platform of apps that name none. */
  static PlatformKind byDefault() {
    return PlatformRegistry.byDefault();
  }

  /** The installed platform of this word, if any. */
  static Optional<PlatformKind> find(String word) {
    return PlatformRegistry.find(word);
  }

  /** The installed platform of this word; a word no provider owns is a bug of the caller. */
  static PlatformKind named(String word) {
    return find(word)
        .orElseThrow(() -> new IllegalArgumentException("no platform is installed as " + word));
  }
}
