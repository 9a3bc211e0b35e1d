package dev.formation.config;

import dev.formation.catalog.Resources;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.live.LiveApp;
import dev.formation.live.Placement;
import dev.formation.live.SetupStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

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

  /**
   * Reads and checks the block of an app of this platform ({@link AppBlock#entry} is {@code null}
   * when the app has none), reporting what is wrong to {@link AppBlock#diags}.
   *
   * @return the app's settings of this platform; {@code null} when its apps have none, or when the
   *     block has errors (they are reported)
   */
  default PlatformSettings readBlock(AppBlock block) {
    return null;
  }

  /**
   * Reports this platform's block, found on an app of {@code actual}, another platform: by default
   * as a key the app's format does not define ({@code FM010}); a platform may give its own code.
   */
  default void refuseBlock(AppBlock block, PlatformKind actual) {
    block
        .diags()
        .error(
            Code.FM010,
            "`"
                + blockKey()
                + "` is only for `platform: "
                + word()
                + "` apps; app `"
                + block.app()
                + "` is on "
                + actual.word(),
            block.entry().keyRange(),
            "remove the `" + blockKey() + "` block, or set `platform: " + word() + "`");
  }

  /**
   * Checks this platform's apps of all the files together, for what two apps may not share.
   *
   * @param apps each app's name and settings, in file order
   */
  default void checkApps(Map<String, PlatformSettings> apps, Diagnostics diags) {}

  /**
   * The code of a value of the block out of the schema's bounds, or {@code null} for the generic
   * one.
   *
   * @param field the key of the value within the block
   */
  default Code boundsCode(String field) {
    return null;
  }

  /**
   * The key under which a plan keeps the placement the config wants ({@link
   * PlatformSettings#placement}): by default the block's key.
   */
  default String placementKey() {
    return blockKey();
  }

  /** The key under which a saved plan keeps where the platform has an app, or {@code null}. */
  default String liveKey() {
    return null;
  }

  /**
   * The placement the config wanted, from a saved plan ({@link Placement#json}); the plan file's
   * schema has checked its shape.
   *
   * @throws IllegalArgumentException when it breaks a rule of the placement
   */
  default Placement placement(Map<String, Object> json) {
    throw new IllegalArgumentException("platform " + word() + " keeps no placement");
  }

  /** Where the platform had an app, from a saved plan; as {@link #placement}. */
  default Placement livePlacement(Map<String, Object> json) {
    throw new IllegalArgumentException("platform " + word() + " reports no placement");
  }

  /**
   * A setup step in the words of a plan.
   *
   * @param path shortens a path the way the plan shows paths (relative to the config's folder)
   */
  default StepWords words(SetupStep step, UnaryOperator<String> path) {
    String from = step.from() == null ? "none" : step.from();
    String to = step.to() == null ? "none" : step.to();
    String label = step.type() == null ? step.operation() : step.operation() + " " + step.type();
    return new StepWords(label, from, to, from + " → " + to);
  }

  /** What apply says it is doing while it carries out an app's setup steps, all at once. */
  default String setupText(List<SetupStep> steps) {
    return "set up on " + word();
  }

  /**
   * The block {@code formation import} writes for an app read live, key by key (strings are quoted,
   * numbers written as they are), or {@code null} for none.
   */
  default Map<String, Object> importBlock(LiveApp app) {
    return null;
  }

  /**
   * The queue rule a live process type is autoscaled by on this platform, as {@code formation
   * import} writes it back, or {@code null} when the platform keeps none of its own (there the file
   * is the rule's only home) or the type has none.
   */
  default AutoscaleSpec importAutoscale(LiveApp app, String type) {
    return null;
  }

  /**
   * A setup step as a plan shows it: what it concerns, what is there now, what will be, and both in
   * one phrase.
   */
  record StepWords(String label, String before, String after, String detail) {}

  /**
   * What each catalogue size requests on this platform by default, by size name in catalogue order,
   * for a platform that sizes by resources ({@code formation sizes --platform <word>}); {@code
   * null} for a platform that sizes by name.
   */
  default Map<String, Resources> sizeMap() {
    return null;
  }

  /** A hint for a key the schema requires in the block but the app left out, or {@code null}. */
  default String missingKeyHint(String key) {
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
   * Whether the platform's queue autoscaler reads the queue's URL from a Secret of its own (a
   * cluster's), so that a queue source must name one ({@code secret: NAME/KEY}); elsewhere the
   * controller reads it from the environment variable the source names, and a secret means nothing.
   */
  default boolean readsQueueSecrets() {
    return false;
  }

  /**
   * Whether the platform runs the queue autoscaling of its apps itself (a daemon of its own, an
   * autoscaler in the cluster), so that {@code formation autoscale} leaves its apps alone.
   */
  default boolean runsQueueAutoscaler() {
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
