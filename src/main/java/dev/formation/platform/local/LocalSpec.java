package dev.formation.platform.local;

import dev.formation.config.PlatformSettings;
import dev.formation.config.ProcessSpec;
import dev.formation.diag.SourceRange;
import dev.formation.live.Placement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a local app's code lives, the port its router listens on, and what its Procfile declares:
 * the settings of its {@code local} block, read by {@link LocalRules}.
 *
 * @param dir the folder holding the Procfile, resolved against the config file, absolute
 * @param procfile the Procfile's process types and commands in file order, as read when the config
 *     was loaded: what the app's registration will hold once applied
 * @param portAt where the port is written, or {@code null} when not from a file
 */
public record LocalSpec(Path dir, int port, Map<String, String> procfile, SourceRange portAt)
    implements PlatformSettings {
  public LocalSpec {
    procfile = Collections.unmodifiableMap(new LinkedHashMap<>(procfile));
  }

  public LocalSpec(Path dir, int port, Map<String, String> procfile) {
    this(dir, port, procfile, null);
  }

  /**
   * The registration the app gets: its folder, its router port, its Procfile's commands and the
   * queue rules of its process types, with the band in force when it is planned: the daemon knows
   * no schedule, so a window's band reaches it through the apply run inside the window (as a KEDA
   * ScaledObject's does).
   */
  @Override
  public Placement placement(List<ProcessSpec> processes) {
    List<LocalQueue> queues = new ArrayList<>();
    for (ProcessSpec p : processes) {
      if (p.autoscaled() && p.autoscale().queueDriven()) {
        queues.add(
            new LocalQueue(
                p.type(), p.autoscale().min(), p.autoscale().max(), p.autoscale().queue()));
      }
    }
    return new LocalRegistration(dir, port, procfile, queues);
  }
}
