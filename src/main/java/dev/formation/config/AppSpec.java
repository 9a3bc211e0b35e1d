package dev.formation.config;

import dev.formation.diag.SourceRange;
import dev.formation.live.Placement;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The desired formation of one app.
 *
 * @param settings the app's settings of its platform, read from the platform's block by its
 *     provider; {@code null} for a platform whose apps have none
 * @param processes in the order written
 * @param at where the app is declared
 * @param timezone the zone the app's windows are written in: its own {@code timezone}, else the top
 *     level's, else UTC
 * @param guardrails the app's guardrails, the top level's merged under its own
 */
public record AppSpec(
    String name,
    PlatformKind platform,
    boolean prune,
    PlatformSettings settings,
    List<ProcessSpec> processes,
    SourceRange at,
    ZoneId timezone,
    GuardrailSpec guardrails) {
  /** The zone of an app whose file names none. */
  public static final ZoneId UTC = ZoneId.of("UTC");

  public AppSpec {
    processes = List.copyOf(processes);
    timezone = timezone == null ? UTC : timezone;
    guardrails = guardrails == null ? GuardrailSpec.NONE : guardrails;
  }

  /** An app without schedules or guardrails of its own. */
  public AppSpec(
      String name,
      PlatformKind platform,
      boolean prune,
      PlatformSettings settings,
      List<ProcessSpec> processes,
      SourceRange at) {
    this(name, platform, prune, settings, processes, at, null, null);
  }

  public Optional<ProcessSpec> process(String type) {
    return processes.stream().filter(p -> p.type().equals(type)).findFirst();
  }

  /**
   * Whether web is configured on a size that can autoscale (Performance, Private, Shield): where it
   * runs on one, reading the app live costs a second request, for its monitor.
   */
  public boolean webCanAutoscale() {
    return process("web").map(p -> p.size().autoscale()).orElse(false);
  }

  /** Whether any process type of the app has a schedule. */
  public boolean scheduled() {
    return processes.stream().anyMatch(ProcessSpec::scheduled);
  }

  /** Where the app should be on its platform, or {@code null} for a platform without settings. */
  public Placement placement() {
    return settings == null ? null : settings.placement(processes);
  }

  /** This app with other process types (the same name, platform, zone and guardrails). */
  public AppSpec withProcesses(List<ProcessSpec> others) {
    return new AppSpec(name, platform, prune, settings, others, at, timezone, guardrails);
  }
}
