package dev.formation.live;

import java.util.List;
import java.util.Optional;

/**
 * What the platform says one app is running now.
 *
 * @param id the platform's id for the app (a UUID on Heroku)
 * @param generation {@code cedar} or {@code fir}
 * @param monitor the web scale monitor, or {@code null} when there is none or it was not read
 * @param registration for a local app, where the local platform has it registered; {@code null} for
 *     an app of another platform, and for a local app that is not registered yet
 * @param cluster for a Kubernetes app, the context and namespace it was read from; {@code null} for
 *     other platforms
 */
public record LiveApp(
    String name,
    String id,
    String generation,
    List<LiveProcess> processes,
    LiveMonitor monitor,
    LocalRegistration registration,
    KubernetesLocation cluster) {
  public LiveApp {
    processes = List.copyOf(processes);
  }

  /** An app of a platform without cluster locations (Heroku, local). */
  public LiveApp(
      String name,
      String id,
      String generation,
      List<LiveProcess> processes,
      LiveMonitor monitor,
      LocalRegistration registration) {
    this(name, id, generation, processes, monitor, registration, null);
  }

  /** An app of a platform without registrations (Heroku). */
  public LiveApp(
      String name, String id, String generation, List<LiveProcess> processes, LiveMonitor monitor) {
    this(name, id, generation, processes, monitor, null);
  }

  /** A local app the local platform does not know yet: nothing runs, nothing is registered. */
  public static LiveApp unregistered(String name) {
    return new LiveApp(name, null, "cedar", List.of(), null, null);
  }

  /** The same app with another monitor (after one was created). */
  public LiveApp withMonitor(LiveMonitor m) {
    return new LiveApp(name, id, generation, processes, m, registration, cluster);
  }

  public Optional<LiveProcess> process(String type) {
    return processes.stream().filter(p -> p.type().equals(type)).findFirst();
  }
}
