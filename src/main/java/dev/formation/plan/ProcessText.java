package dev.formation.plan;

import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveProcess;

/** Short words for a process type's state in drift items: {@code Standard-2X ×3}. */
final class ProcessText {
  private ProcessText() {}

  static String desired(ProcessSpec p) {
    if (p.autoscaled()) {
      return p.size().name() + " ×" + p.autoscale().band();
    }
    return p.size().name() + " ×" + p.quantity();
  }

  static String live(LiveProcess p) {
    return p.size() + " ×" + p.quantity();
  }

  static String rule(AutoscaleRule r) {
    return r.describe();
  }
}
