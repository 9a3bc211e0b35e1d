package dev.formation.ops;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Generation;
import dev.formation.catalog.Resources;
import dev.formation.config.AppSpec;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.git.GitException;
import dev.formation.git.GitNotes;
import dev.formation.git.GitRepo;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.plan.AppPlan;
import dev.formation.plan.AppliedFormation;
import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.OfflineBasis;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import dev.formation.planfile.ApplyNoteJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code plan --offline}: every app planned against the formation its last recorded apply left (git
 * notes, docs/git.md), an app never applied against nothing at all. No adapter is opened and no
 * platform is asked anything: the only input besides the config is the local repository.
 */
final class OfflinePlans {
  /** The autoscaler's latency target when neither the record nor the config gives one. */
  private static final int DEFAULT_P95_MS = 1000;

  /**
   * The id an offline plan gives a recorded autoscaler: the record keeps no platform id, and a
   * change to the monitor names one (an offline plan is never applied, so none is needed).
   */
  static final String RECORDED_MONITOR = "recorded";

  private OfflinePlans() {}

  /**
   * The plan, and per app the record it was made against.
   *
   * @param basis per app of the plan, what it was compared with
   */
  record Offline(Plan plan, OfflineBasis basis) {}

  /**
   * Each app's latest recorded apply, read from the repository of the config's folder; empty, with
   * an {@code FM185} or {@code FM186} warning, when there is no repository or no record in it.
   */
  static Map<String, ApplyNoteJson.Recorded> records(ConfigSource source, Diagnostics diagnostics) {
    if (!GitRecords.inGit(source)) {
      diagnostics.warning(
          Code.FM185,
          "the config is not in a git work tree, so no apply is recorded for it: every app is"
              + " planned as new",
          null,
          "run the offline plan in a clone of the repository the applies were recorded in");
      return Map.of();
    }
    String fetch = "git fetch origin " + GitNotes.REF + ":" + GitNotes.REF;
    try (GitRepo git = GitRepo.open(source.anchor())) {
      if (!GitNotes.present(git)) {
        diagnostics.warning(
            Code.FM186,
            "no apply is recorded in this repository ("
                + GitNotes.REF
                + " is absent): every app is planned as new",
            null,
            "a clone does not fetch the notes by itself; fetch them with `" + fetch + "`");
        return Map.of();
      }
      return ApplyNoteJson.lastRecorded(GitNotes.all(git).values());
    } catch (GitException e) {
      diagnostics.warning(
          Code.FM186,
          "cannot read the apply records: " + e.getMessage() + "; every app is planned as new",
          null,
          "check the repository with `git notes --ref=formation list`, or fetch the notes again"
              + " with `"
              + fetch
              + "`");
      return Map.of();
    }
  }

  /** Plans every app of {@code selected} against its record in {@code records}, at {@code at}. */
  static Offline plan(Formation selected, Map<String, ApplyNoteJson.Recorded> records, Instant at) {
    Catalog catalog = Catalog.standard();
    Planner planner = new Planner(catalog);
    Map<String, LiveApp> live = new LinkedHashMap<>();
    Map<String, OfflineBasis.AppBasis> basis = new LinkedHashMap<>();
    for (AppSpec spec : selected.apps()) {
      ApplyNoteJson.Recorded recorded = records.get(spec.name());
      AppliedFormation applied = recorded == null ? null : recorded.formation();
      live.put(spec.name(), recordedApp(spec, applied, catalog));
      basis.put(
          spec.name(),
          applied == null
              ? OfflineBasis.AppBasis.NEVER
              : new OfflineBasis.AppBasis(recorded.commit(), applied.at()));
    }
    Plan plan = planner.plan(selected, live, Map.of(), at);
    // a fingerprint stands for a live state that was read; an offline plan read none
    List<AppPlan> apps = plan.apps().stream().map(OfflinePlans::withoutFingerprint).toList();
    return new Offline(plan.withApps(apps), new OfflineBasis(basis));
  }

  /**
   * The app as its last recorded apply left it: each recorded type at its size and count, the
   * autoscaler on with the recorded band; a type of the config that the record does not name (and
   * every type of an app never applied) at 0 dynos of its configured size, so that it is planned as
   * new. The record keeps the band but not the latency target nor notify: the config's are taken,
   * so only the band is compared. An app never applied has no placement, so it is planned with its
   * setup (a local app's registration); an applied one is taken to be set up as the config says.
   */
  static LiveApp recordedApp(AppSpec spec, AppliedFormation applied, Catalog catalog) {
    List<LiveProcess> processes = new ArrayList<>();
    LiveMonitor monitor = null;
    if (applied != null) {
      for (AppliedFormation.Type t : applied.types()) {
        processes.add(process(spec, t.type(), t.size(), t.quantity(), catalog));
        if (t.max() != null && "web".equals(t.type())) {
          monitor = monitor(spec, t.min(), t.max());
        }
      }
    }
    for (ProcessSpec p : spec.processes()) {
      if (processes.stream().noneMatch(live -> live.type().equals(p.type()))) {
        processes.add(process(spec, p.type(), p.size().name(), 0, catalog));
      }
    }
    Generation generation =
        spec.processes().isEmpty() ? Generation.CEDAR : spec.processes().get(0).size().generation();
    return new LiveApp(
        spec.name(),
        null,
        generation.name().toLowerCase(Locale.ROOT),
        processes,
        monitor,
        applied == null ? null : spec.placement());
  }

  private static LiveProcess process(
      AppSpec spec, String type, String size, int quantity, Catalog catalog) {
    Resources resources =
        spec.settings() == null
            ? null
            : catalog.find(size).map(s -> spec.settings().resources(s)).orElse(null);
    return new LiveProcess(type, size, quantity, null, null, resources);
  }

  private static LiveMonitor monitor(AppSpec spec, int min, int max) {
    AutoscaleSpec desired = spec.process("web").map(ProcessSpec::autoscale).orElse(null);
    if (desired != null) {
      AutoscaleRule rule = AutoscaleRule.of(spec, desired);
      return new LiveMonitor(
          RECORDED_MONITOR, true, min, max, rule.p95Ms(), rule.notifyApp(), rule.metric());
    }
    String metric = spec.settings() == null ? null : spec.settings().autoscaleMetric();
    return new LiveMonitor(RECORDED_MONITOR, true, min, max, DEFAULT_P95_MS, false, metric);
  }

  private static AppPlan withoutFingerprint(AppPlan a) {
    return new AppPlan(
        a.app(),
        a.platform(),
        a.live(),
        a.changes(),
        a.unmanaged(),
        a.errors(),
        a.notes(),
        null,
        a.before(),
        a.after(),
        a.placement(),
        a.requestsBefore(),
        a.requestsAfter(),
        a.schedule(),
        a.breaches());
  }
}
