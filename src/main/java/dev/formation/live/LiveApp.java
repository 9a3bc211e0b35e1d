package dev.formation.live;

import java.util.List;
import java.util.Optional;

/**
 * What the platform says one app is running now.
 *
 * @param id the platform's id for the app (a UUID on Heroku)
 * @param generation {@code cedar} or {@code fir}
 * @param monitor the web scale monitor, or {@code null} when there is none or it was not read
 * @param placement where the platform has the app, as far as it says (opaque to the core: its
 *     provider's own record); {@code null} when it says nothing, and for an app it does not have
 */
public record LiveApp(
    String name,
    String id,
    String generation,
    List<LiveProcess> processes,
    LiveMonitor monitor,
    Placement placement) {
  public LiveApp {
    processes = List.copyOf(processes);
  }

  /** An app of which the platform reports no placement. */
  public LiveApp(
      String name, String id, String generation, List<LiveProcess> processes, LiveMonitor monitor) {
    this(name, id, generation, processes, monitor, null);
  }

  /** An app a platform does not have yet, on which it is set up by apply: nothing runs. */
  public static LiveApp unregistered(String name) {
    return new LiveApp(name, null, "cedar", List.of(), null, null);
  }

  /** The same app with another monitor (after one was created). */
  public LiveApp withMonitor(LiveMonitor m) {
    return new LiveApp(name, id, generation, processes, m, placement);
  }

  public Optional<LiveProcess> process(String type) {
    return processes.stream().filter(p -> p.type().equals(type)).findFirst();
  }
}
