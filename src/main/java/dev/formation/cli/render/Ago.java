package dev.formation.cli.render;

import java.time.Duration;
import java.time.Instant;

/** "changed 3 h ago": how long before a reference time something happened, in one short unit. */
final class Ago {
  private Ago() {}

  static String changed(Instant at, Instant now) {
    if (at == null) {
      return "change time unknown";
    }
    long s = Math.max(0, Duration.between(at, now).getSeconds());
    String span;
    if (s < 60) {
      span = s + " s";
    } else if (s < 3600) {
      span = s / 60 + " min";
    } else if (s < 86400) {
      span = s / 3600 + " h";
    } else {
      span = s / 86400 + " d";
    }
    return "changed " + span + " ago";
  }
}
