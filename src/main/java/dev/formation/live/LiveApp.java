package dev.formation.live;

import java.util.List;
import java.util.Optional;

/**
 * What the platform says one app is running now.
 *
 * @param id the platform's id for the app (a UUID on Heroku)
 * @param generation {@code cedar} or {@code fir}
 * @param monitor the web scale monitor, or {@code null} when there is none or it was not read
 */
public record LiveApp(
    String name, String id, String generation, List<LiveProcess> processes, LiveMonitor monitor) {
  public LiveApp {
    processes = List.copyOf(processes);
  }

  public Optional<LiveProcess> process(String type) {
    return processes.stream().filter(p -> p.type().equals(type)).findFirst();
  }
}
