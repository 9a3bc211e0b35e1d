package dev.formation.live;

import java.util.List;
import java.util.Map;

/**
 * What a platform needs to know about an app besides its name (a local app's folder and router
 * port, a cluster app's namespace and size map), or what it reports about where it found the app:
 * opaque to the core, which carries it from the config to the adapter, into a saved plan and back.
 * Each platform's provider makes its own, and reads it back from a saved plan.
 *
 * <p>A placement the config wants may also be a setup the platform must be given before the
 * formation can be applied (registering a local app): then it says how to get there from the live
 * app ({@link #stepsFrom}), and the planner plans the formation against the app as it will be
 * ({@link #projected}). The defaults are those of a placement that needs no setup.
 */
public interface Placement {

  /**
   * The placement as a saved plan keeps it: a JSON object of strings, numbers, booleans, nulls and
   * nested maps, in a stable order.
   *
   * @param sealed keep no text a shared plan must not show (commands): seal it to a digest
   */
  Map<String, Object> json(boolean sealed);

  /** The steps, in apply order, that set the app up here from where {@code live} is. */
  default List<SetupStep> stepsFrom(LiveApp live) {
    return List.of();
  }

  /** The app as it will be right after those steps: what the formation is planned against. */
  default LiveApp projected(LiveApp live) {
    return live;
  }

  /** The step that drops a live process type the setup no longer has (its dynos stop). */
  default SetupStep removal(LiveProcess process) {
    throw new UnsupportedOperationException("this placement removes no process type");
  }

  /**
   * How {@code live} differs from this setup, for {@code formation drift}; a difference with no
   * type that is {@link Difference#whole whole} means the app is not set up at all.
   */
  default List<Difference> differencesIn(LiveApp live) {
    return List.of();
  }

  /** Whether {@code now} shows this setup done: after a write whose answer was lost. */
  default boolean shownBy(LiveApp now) {
    return true;
  }

  /** What in {@code now} is not this setup, after it was applied, in words; empty when done. */
  default List<String> problemsIn(LiveApp now) {
    return List.of();
  }

  /**
   * This placement pinned to where the app was read ({@code read} is the live app's placement), so
   * that a saved plan is applied where it was made.
   */
  default Placement at(Placement read) {
    return this;
  }

  /**
   * Of a live placement: the lines of a plan's fingerprint that stand for it, so that a saved plan
   * made against it is stale once it moved.
   */
  default void fingerprint(StringBuilder text) {}

  /** Of a live placement: how it moved to {@code now} ({@code null}: gone), in words. */
  default List<String> movesTo(Placement now) {
    return List.of();
  }

  /** Of a live placement that was not there when the plan was made: how it appeared, in words. */
  default List<String> appeared() {
    return List.of();
  }

  /**
   * One way a live app differs from its setup.
   *
   * @param type the process type it concerns, or {@code null} for the app
   * @param whole the app is not set up at all: nothing else of it can be compared
   */
  record Difference(String type, String message, String expected, String actual, boolean whole) {}
}
