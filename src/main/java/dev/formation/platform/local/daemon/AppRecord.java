package dev.formation.platform.local.daemon;

import java.util.List;
import java.util.Optional;

/**
 * A local app as stored on disk: where its code is, its router port, its formation and its
 * monitors. Immutable; every change makes a new record that the store writes atomically.
 */
public record AppRecord(
    String id,
    String name,
    String dir,
    int port,
    String createdAt,
    String updatedAt,
    List<ProcessRecord> processes,
    List<MonitorRecord> monitors,
    List<QueueRecord> queues) {

  public AppRecord {
    processes = List.copyOf(processes);
    monitors = List.copyOf(monitors);
    // records stored before queue rules existed have none
    queues = queues == null ? List.of() : List.copyOf(queues);
  }

  /** An app without queue rules. */
  public AppRecord(
      String id,
      String name,
      String dir,
      int port,
      String createdAt,
      String updatedAt,
      List<ProcessRecord> processes,
      List<MonitorRecord> monitors) {
    this(id, name, dir, port, createdAt, updatedAt, processes, monitors, List.of());
  }

  public Optional<ProcessRecord> process(String type) {
    return processes.stream().filter(p -> p.type().equals(type)).findFirst();
  }

  /** The active web scale monitor, if autoscaling is on. */
  public Optional<MonitorRecord> activeScaleMonitor() {
    return monitors.stream().filter(m -> m.scales() && m.active()).findFirst();
  }

  public AppRecord withProcesses(List<ProcessRecord> list, String now) {
    return new AppRecord(id, name, dir, port, createdAt, now, list, monitors, queues);
  }

  public AppRecord withMonitors(List<MonitorRecord> list) {
    return new AppRecord(id, name, dir, port, createdAt, updatedAt, processes, list, queues);
  }

  public AppRecord withLocation(String newDir, int newPort, String now) {
    return new AppRecord(id, name, newDir, newPort, createdAt, now, processes, monitors, queues);
  }

  /** The same app with these queue rules (a registration's). */
  public AppRecord withQueues(List<QueueRecord> list) {
    return new AppRecord(id, name, dir, port, createdAt, updatedAt, processes, monitors, list);
  }
}
