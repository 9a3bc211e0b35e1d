package dev.formation.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/** The {@code --at TIME} option of plan and drift, as a mixin. */
public final class AtOption {
  @Option(
      names = "--at",
      paramLabel = "TIME",
      converter = Moment.class,
      description =
          "Evaluate schedules for this moment instead of now: an RFC 3339 time such as"
              + " 2026-12-07T09:00:00+01:00. Each type is planned with the window in force then.")
  private Instant at;

  /** The moment given, or {@code null} for now. */
  Instant at() {
    return at;
  }
}
