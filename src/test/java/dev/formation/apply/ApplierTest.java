package dev.formation.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.config.PlatformKind;
import dev.formation.config.ProcessSpec;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplierTest {
  private static final Catalog CATALOG = Catalog.standard();

  private final MemoryPlatform platform = new MemoryPlatform();

  private static AppSpec app(ProcessSpec... processes) {
    return new AppSpec("shop", PlatformKind.named("heroku"), false, null, List.of(processes), null);
  }

  private static ProcessSpec fixed(String type, String size, int quantity) {
    return new ProcessSpec(type, CATALOG.find(size).orElseThrow(), quantity, null, null);
  }

  private static ProcessSpec autoscaled(String size, int min, int max) {
    return new ProcessSpec(
        "web",
        CATALOG.find(size).orElseThrow(),
        null,
        new AutoscaleSpec(min, max, 500, false),
        null);
  }

  private ApplyReport apply(AppSpec spec) {
    return new Applier(kind -> platform, 4, Progress.NONE).apply(plan(spec));
  }

  private Plan plan(AppSpec spec) {
    return new Planner(CATALOG)
        .plan(new Formation(List.of(spec)), Map.of("shop", platform.live), Map.of());
  }

  @Test
  void apply_batchAnswerLost_butThePlatformDidIt_countsItDone() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    platform.loseBatchAnswer = true;

    AppResult result = apply(app(fixed("web", "standard-1x", 3))).apps().get(0);

    assertThat(result.outcome()).as(result.toString()).isEqualTo(AppResult.Outcome.APPLIED);
    assertThat(result.done())
        .containsExactly(
            "update the formation (web 1 → 3) (its answer was lost; a re-read shows it done)");
  }

  @Test
  void apply_batchAnswerLost_andNotDone_isFailed_namingWhatTheReReadShowed() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    platform.loseBatchAnswer = true;
    platform.ignoreBatch = true;

    AppResult result = apply(app(fixed("web", "standard-1x", 3))).apps().get(0);

    assertThat(result.outcome()).isEqualTo(AppResult.Outcome.FAILED);
    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo(Code.FM121))
        .extracting(Diagnostic::message)
        .asString()
        .contains("a re-read shows it was not done");
    assertThat(result.notDone()).containsExactly("update the formation (web 1 → 3)");
  }

  @Test
  void apply_batchAnswerLost_andTheAppUnreadable_isUnknown_notFailed() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    platform.loseBatchAnswer = true;
    platform.failReadsAfterBatch = true;

    AppResult result = apply(app(fixed("web", "standard-1x", 3))).apps().get(0);

    assertThat(result.outcome()).isEqualTo(AppResult.Outcome.UNKNOWN);
    Diagnostic error = result.errors().get(0);
    assertThat(error.code()).isEqualTo(Code.FM123);
    assertThat(error.message()).contains("whether it happened is unknown");
    assertThat(error.hint()).contains("formation plan");
  }

  @Test
  void apply_batchRefused_isFailed_withoutAReRead() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    platform.failBatch = true;

    AppResult result = apply(app(fixed("web", "standard-1x", 3))).apps().get(0);

    assertThat(result.outcome()).isEqualTo(AppResult.Outcome.FAILED);
    assertThat(platform.calls).containsExactly("read", "batch [web q=3]");
  }

  @Test
  void apply_appMovedSinceThePlan_writesNothing_andNamesWhatMoved() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    Plan plan = plan(app(fixed("web", "standard-1x", 3)));
    platform.live = live(List.of(proc("web", "Standard-1X", 5)), null);

    AppResult result = new Applier(kind -> platform, 4, Progress.NONE).apply(plan).apps().get(0);

    assertThat(result.outcome()).isEqualTo(AppResult.Outcome.FAILED);
    assertThat(result.errors().get(0).code()).isEqualTo(Code.FM130);
    assertThat(result.errors().get(0).message())
        .contains("changed since the plan was made")
        .contains("web: Standard-1X ×1 → Standard-1X ×5");
    assertThat(platform.calls).containsExactly("read");
  }

  @Test
  void apply_interruptedBeforeItStarts_writesNothing_andSaysNotStarted() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    Interrupt interrupt = new Interrupt();
    interrupt.request();

    ApplyReport report =
        new Applier(kind -> platform, 4, Progress.NONE)
            .apply(plan(app(fixed("web", "standard-1x", 3))), interrupt);

    assertThat(report.interrupted()).isTrue();
    assertThat(report.apps().get(0).outcome()).isEqualTo(AppResult.Outcome.NOT_STARTED);
    assertThat(platform.calls).isEmpty();
  }

  @Test
  void apply_interruptedDuringTheBatch_finishesIt_startsNoMore_andSaysWhatTheAppHolds() {
    platform.live = live(List.of(proc("web", "Performance-M", 1)), null);
    Interrupt interrupt = new Interrupt();
    platform.onBatch = interrupt::request;

    ApplyReport report =
        new Applier(kind -> platform, 4, Progress.NONE)
            .apply(plan(app(autoscaled("performance-m", 2, 4))), interrupt);

    AppResult result = report.apps().get(0);
    assertThat(result.outcome()).as(result.toString()).isEqualTo(AppResult.Outcome.INTERRUPTED);
    assertThat(result.done()).containsExactly("update the formation (web 1 → 2)");
    assertThat(result.notDone()).singleElement().asString().startsWith("enable the web autoscaler");
    assertThat(result.notes()).containsExactly("the platform now holds web Performance-M ×2");
    assertThat(platform.calls).doesNotContain("create");
  }

  @Test
  void apply_runsDisablesThenOneBatchThenEnables() {
    platform.live =
        live(
            List.of(proc("web", "Performance-M", 3), proc("worker", "Standard-1X", 1)),
            new LiveMonitor("m1", true, 2, 8, 500, false));

    ApplyReport report =
        apply(app(fixed("web", "performance-m", 4), fixed("worker", "standard-2x", 2)));

    assertThat(report.failed()).as(report.toString()).isFalse();
    assertThat(platform.calls)
        .containsExactly("read", "disable m1", "batch [web q=4, worker q=2 s=Standard-2X]", "read");
  }

  @Test
  void apply_platformTurnsAutoscalerOff_isTurnedBackOnAndSaid() {
    platform.live =
        live(
            List.of(proc("web", "Performance-M", 3)),
            new LiveMonitor("m1", true, 2, 8, 500, false));
    platform.batchTurnsMonitorOff = true;

    ApplyReport report = apply(app(autoscaled("performance-l", 2, 8)));

    AppResult result = report.apps().get(0);
    assertThat(result.outcome()).as(result.toString()).isEqualTo(AppResult.Outcome.APPLIED);
    assertThat(result.notes()).anyMatch(n -> n.contains("turned it back on"));
    assertThat(platform.live.monitor().active()).isTrue();
  }

  @Test
  void apply_failedStep_reportsWhatWasDoneAndNotDone() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    platform.failBatch = true;

    ApplyReport report = apply(app(fixed("web", "performance-m", 2)));

    AppResult result = report.apps().get(0);
    assertThat(report.failed()).isTrue();
    assertThat(result.errors().get(0).code()).isEqualTo(Code.FM121);
    assertThat(result.errors().get(0).message()).contains("update the formation").contains("boom");
    assertThat(result.notDone())
        .singleElement()
        .asString()
        .contains("web Standard-1X ×1 → Performance-M ×2");
  }

  @Test
  void apply_createMeetsExistingMonitor_updatesItInstead() {
    platform.live = live(List.of(proc("web", "Performance-M", 3)), null);
    platform.hiddenMonitor = new LiveMonitor("m9", false, 1, 2, 1000, false);

    ApplyReport report = apply(app(autoscaled("performance-m", 2, 8)));

    AppResult result = report.apps().get(0);
    assertThat(result.outcome()).as(result.toString()).isEqualTo(AppResult.Outcome.APPLIED);
    assertThat(platform.calls).contains("update m9");
    assertThat(result.notes()).anyMatch(n -> n.contains("existing"));
  }

  @Test
  void apply_platformIgnoresTheBatch_isReportedAsNotConverged() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    platform.ignoreBatch = true;

    AppResult result = apply(app(fixed("web", "standard-1x", 3))).apps().get(0);

    assertThat(result.outcome()).isEqualTo(AppResult.Outcome.FAILED);
    assertThat(result.errors().get(0).code()).isEqualTo(Code.FM122);
    assertThat(result.errors().get(0).message())
        .contains("did not converge")
        .contains("web runs 1, not 3");
  }

  @Test
  void apply_theUpdatesAnswerShowsTheChange_isVerifiedByIt_withoutAnotherRead() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);

    AppResult result = apply(app(fixed("web", "standard-2x", 3))).apps().get(0);

    assertThat(result.outcome()).as(result.toString()).isEqualTo(AppResult.Outcome.APPLIED);
    assertThat(platform.calls).containsExactly("read", "batch [web q=3 s=Standard-2X]");
  }

  @Test
  void apply_theUpdatesAnswerDoesNotShowTheChange_readsAgainBeforeSayingItFailed() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    platform.answerBeforeTheBatch = true;

    AppResult result = apply(app(fixed("web", "standard-1x", 3))).apps().get(0);

    assertThat(result.outcome()).as(result.toString()).isEqualTo(AppResult.Outcome.APPLIED);
    assertThat(platform.calls).containsExactly("read", "batch [web q=3]", "read");
  }

  @Test
  void apply_anActiveAutoscaler_isAlwaysReadAgainAfterTheUpdate() {
    platform.live =
        live(
            List.of(proc("web", "Performance-M", 3), proc("worker", "Standard-1X", 1)),
            new LiveMonitor("m1", true, 2, 8, 500, false));

    ApplyReport report =
        apply(
            app(
                new ProcessSpec(
                    "web",
                    CATALOG.find("performance-m").orElseThrow(),
                    null,
                    new AutoscaleSpec(2, 8, 500, false),
                    null),
                fixed("worker", "standard-1x", 2)));

    assertThat(report.failed()).as(report.toString()).isFalse();
    assertThat(platform.calls).containsExactly("read", "batch [worker q=2]", "read");
  }

  @Test
  void apply_withoutRereading_writesOnThePlansRead() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    Plan plan = plan(app(fixed("web", "standard-1x", 3)));

    ApplyReport report =
        new Applier(kind -> platform, 4, Progress.NONE, Applier.Reread.NO).apply(plan);

    assertThat(report.failed()).as(report.toString()).isFalse();
    assertThat(platform.calls).containsExactly("batch [web q=3]");
  }

  @Test
  void apply_withoutRereading_stillReadsAfterALostAnswer() {
    platform.live = live(List.of(proc("web", "Standard-1X", 1)), null);
    platform.loseBatchAnswer = true;
    Plan plan = plan(app(fixed("web", "standard-1x", 3)));

    AppResult result =
        new Applier(kind -> platform, 4, Progress.NONE, Applier.Reread.NO)
            .apply(plan)
            .apps()
            .get(0);

    assertThat(result.outcome()).as(result.toString()).isEqualTo(AppResult.Outcome.APPLIED);
    assertThat(platform.calls).containsExactly("batch [web q=3]", "read");
  }

  private static LiveProcess proc(String type, String size, int quantity) {
    return new LiveProcess(type, size, quantity, null, null);
  }

  private static LiveApp live(List<LiveProcess> processes, LiveMonitor monitor) {
    return new LiveApp("shop", "id-1", "cedar", processes, monitor);
  }

  /** A platform in memory that records calls and misbehaves on request. */
  private static final class MemoryPlatform implements Platform {
    LiveApp live;
    LiveMonitor hiddenMonitor;
    boolean batchTurnsMonitorOff;
    boolean failBatch;
    boolean ignoreBatch;
    boolean loseBatchAnswer;
    boolean failReadsAfterBatch;
    boolean answerBeforeTheBatch;
    boolean batched;
    Runnable onBatch = () -> {};
    final List<String> calls = new ArrayList<>();

    @Override
    public LiveApp read(Target target) throws PlatformException {
      return read(target.app(), true);
    }

    @Override
    public LiveApp apply(Target target, LiveApp app, Write write) throws PlatformException {
      if (write instanceof Write.UpdateFormation w) {
        return updateFormation(app, w.updates());
      }
      if (write instanceof Write.CreateMonitor w) {
        return app.withMonitor(createMonitor(app, w.settings()));
      }
      if (write instanceof Write.UpdateMonitor w) {
        updateMonitor(app, w.monitorId(), w.settings());
      } else if (write instanceof Write.DisableMonitor w) {
        disableMonitor(app, w.monitorId());
      } else {
        throw new PlatformException("not a local app", 0, null, null);
      }
      return app;
    }

    LiveApp read(String app, boolean readMonitor) throws PlatformException {
      calls.add("read");
      if (failReadsAfterBatch && batched) {
        throw new PlatformException("connection reset", new java.io.IOException("reset"));
      }
      return live;
    }

    LiveApp updateFormation(LiveApp app, List<FormationUpdate> updates) throws PlatformException {
      calls.add(
          "batch "
              + updates.stream()
                  .map(
                      u ->
                          u.type()
                              + (u.quantity() == null ? "" : " q=" + u.quantity())
                              + (u.size() == null ? "" : " s=" + u.size()))
                  .toList());
      batched = true;
      onBatch.run();
      if (failBatch) {
        throw new PlatformException("boom", 422, "invalid_params", "req-1");
      }
      if (ignoreBatch) {
        if (loseBatchAnswer) {
          throw lostAnswer();
        }
        return live;
      }
      Map<String, LiveProcess> procs = new LinkedHashMap<>();
      live.processes().forEach(p -> procs.put(p.type(), p));
      for (FormationUpdate u : updates) {
        LiveProcess p = procs.get(u.type());
        procs.put(
            u.type(),
            proc(
                u.type(),
                u.size() == null ? p.size() : u.size(),
                u.quantity() == null ? p.quantity() : u.quantity()));
      }
      LiveMonitor m = live.monitor();
      if (batchTurnsMonitorOff && m != null) {
        m = new LiveMonitor(m.id(), false, m.min(), m.max(), m.p95Ms(), m.notifyApp());
      }
      LiveApp before = live;
      live = new LiveApp("shop", "id-1", "cedar", List.copyOf(procs.values()), m);
      if (loseBatchAnswer) {
        throw lostAnswer();
      }
      return answerBeforeTheBatch ? before : live;
    }

    /** What the adapter throws when the connection drops after the request went out. */
    private static PlatformException lostAnswer() {
      return new PlatformException(
          "the Heroku API did not answer: connection reset", new java.io.IOException("reset"));
    }

    LiveMonitor createMonitor(LiveApp app, MonitorSettings s) throws PlatformException {
      calls.add("create");
      if (hiddenMonitor != null) {
        live = new LiveApp("shop", "id-1", "cedar", live.processes(), hiddenMonitor);
        throw new PlatformException("conflict", 409, "conflict", null);
      }
      setMonitor("m-new", s);
      return live.monitor();
    }

    void updateMonitor(LiveApp app, String id, MonitorSettings s) {
      calls.add("update " + id);
      setMonitor(id, s);
    }

    void disableMonitor(LiveApp app, String id) {
      calls.add("disable " + id);
      LiveMonitor m = live.monitor();
      live =
          new LiveApp(
              "shop",
              "id-1",
              "cedar",
              live.processes(),
              new LiveMonitor(id, false, m.min(), m.max(), m.p95Ms(), m.notifyApp()));
    }

    private void setMonitor(String id, MonitorSettings s) {
      live =
          new LiveApp(
              "shop",
              "id-1",
              "cedar",
              live.processes(),
              new LiveMonitor(id, true, s.min(), s.max(), s.p95Ms(), s.notifyApp()));
    }
  }
}
