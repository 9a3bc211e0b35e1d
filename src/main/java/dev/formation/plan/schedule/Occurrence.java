package dev.formation.plan.schedule;

import dev.formation.config.WindowSpec;
import java.time.Instant;

/** One occurrence of a window: the instants it comes into force and goes out of force. */
public record Occurrence(WindowSpec window, Instant start, Instant end) {
  public Occurrence {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("an occurrence of " + window.name() + " is empty");
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
