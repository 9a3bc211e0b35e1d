package dev.formation.plan;

import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.PlatformKind;
import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.live.SetupStep;
import dev.formation.platform.local.LocalRegistration;
import dev.formation.platform.local.LocalSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A local app's registration as part of the plan: registering never happens by reading. */
class RegistrationPlanTest {
  private static final Path A = Path.of("/srv/a");
  private static final Path B = Path.of("/srv/b");

  @Test
  void plan_unregisteredApp_registersItThenScalesFromZero() {
    AppPlan plan =
        plan(
            local(
                A,
                5000,
                commands("web", "./web", "worker", "./work"),
                proc("web", "standard-1x", 2)),
            LiveApp.unregistered("demo"));

    assertThat(plan.changes().get(0))
        .isEqualTo(
            new SetupChange(
                "local",
                new SetupStep("register", "add", null, null, A.toString(), 5000, false),
                CostRange.ZERO));
    assertThat(plan.processChanges())
        .extracting(ProcessChange::type, ProcessChange::fromQuantity, ProcessChange::toQuantity)
        .containsExactly(tuple("web", 0, 2));
    assertThat(plan.unmanaged())
        .extracting(UnmanagedProcess::type, UnmanagedProcess::quantity)
        .containsExactly(tuple("worker", 0));
    assertThat(plan.count(Action.ADD)).isEqualTo(2);
    LocalRegistration placed = (LocalRegistration) plan.placement();
    assertThat(placed).isEqualTo(new LocalRegistration(A, 5000, placed.commands()));
  }

  @Test
  void plan_registeredFromAnotherFolderAndPort_isAChangeNamingBoth() {
    Map<String, String> procfile = commands("web", "./web");
    AppPlan plan =
        plan(
            local(B, 5001, procfile, proc("web", "standard-1x", 1)),
            registered(A, 5000, procfile, live("web", "./web", 1)));

    assertThat(plan.setupChanges())
        .extracting(SetupChange::operation, c -> c.step().from(), c -> c.step().to())
        .containsExactly(tuple("dir", A.toString(), B.toString()), tuple("port", "5000", "5001"));
    assertThat(plan.processChanges()).isEmpty();
    assertThat(plan.toString()).doesNotContain("register");
  }

  @Test
  void plan_procfileWithFewerTypes_removesTheMissingType_andItsCost() {
    AppPlan plan =
        plan(
            local(A, 5000, commands("web", "./web"), proc("web", "standard-1x", 1)),
            registered(
                A,
                5000,
                commands("web", "./web", "worker", "./work"),
                live("web", "./web", 1),
                live("worker", "./work", 2)));

    assertThat(plan.setupChanges())
        .extracting(SetupChange::operation, SetupChange::type, SetupChange::costDelta)
        .containsExactly(tuple("remove_type", "worker", CostRange.fixed(-50)));
    assertThat(plan.before()).isEqualTo(CostRange.fixed(75));
    assertThat(plan.after()).isEqualTo(CostRange.fixed(25));
    assertThat(plan.count(Action.REMOVE)).isEqualTo(1);
  }

  @Test
  void plan_editedCommandAndNewType_areChanges_andTheNewTypeStartsAtZero() {
    AppPlan plan =
        plan(
            local(
                A,
                5000,
                commands("web", "./web --fast", "clock", "./clock"),
                proc("web", "standard-1x", 1),
                proc("clock", "standard-1x", 1)),
            registered(A, 5000, commands("web", "./web"), live("web", "./web", 1)));

    assertThat(plan.setupChanges())
        .extracting(
            SetupChange::operation, SetupChange::type, c -> c.step().from(), c -> c.step().to())
        .containsExactly(
            tuple("command", "web", "./web", "./web --fast"),
            tuple("add_type", "clock", null, "./clock"));
    assertThat(plan.processChanges())
        .extracting(ProcessChange::type, ProcessChange::fromQuantity, ProcessChange::toQuantity)
        .containsExactly(tuple("clock", 0, 1));
    assertThat(plan.errors()).isEmpty();
  }

  @Test
  void plan_registeredAsConfigured_hasNoChange_andTheFingerprintCoversTheRegistration() {
    Map<String, String> procfile = commands("web", "./web");
    LiveApp here = registered(A, 5000, procfile, live("web", "./web", 1));
    LiveApp there = registered(B, 5000, procfile, live("web", "./web", 1));

    AppPlan plan = plan(local(A, 5000, procfile, proc("web", "standard-1x", 1)), here);

    assertThat(plan.hasChanges()).isFalse();
    assertThat(Fingerprint.of(here)).isNotEqualTo(Fingerprint.of(there));
    assertThat(Fingerprint.of(here)).isEqualTo(Fingerprint.of(withSealedCommands(here)));
    assertThat(LiveMoves.between(here, there)).containsExactly("local dir: " + A + " → " + B);
  }

  @Test
  void drift_ofAnAppRegisteredElsewhere_isUnexpected() {
    Map<String, String> procfile = commands("web", "./web");
    AppSpec spec = local(B, 5000, procfile, proc("web", "standard-1x", 1));

    List<DriftItem> items = Drift.app(spec, registered(A, 5000, procfile, live("web", "./web", 1)));

    assertThat(items)
        .extracting(DriftItem::kind, DriftItem::severity)
        .containsExactly(tuple(DriftItem.Kind.REGISTRATION, DriftItem.Severity.UNEXPECTED));
    assertThat(Drift.app(spec, LiveApp.unregistered("demo")))
        .extracting(DriftItem::kind)
        .containsExactly(DriftItem.Kind.REGISTRATION);
  }

  private static AppPlan plan(AppSpec spec, LiveApp live) {
    return new Planner(Catalog.standard()).planApp(spec, live);
  }

  private static AppSpec local(
      Path dir, int port, Map<String, String> procfile, ProcessSpec... processes) {
    return new AppSpec(
        "demo",
        PlatformKind.named("local"),
        false,
        new LocalSpec(dir, port, procfile),
        Arrays.asList(processes),
        null);
  }

  private static LiveApp registered(
      Path dir, int port, Map<String, String> commands, LiveProcess... processes) {
    return new LiveApp(
        "demo",
        "id-demo",
        "cedar",
        Arrays.asList(processes),
        null,
        new LocalRegistration(dir, port, commands));
  }

  private static LiveApp withSealedCommands(LiveApp app) {
    return new LiveApp(
        app.name(),
        app.id(),
        app.generation(),
        app.processes(),
        app.monitor(),
        ((LocalRegistration) app.placement()).sealed());
  }

  private static LiveProcess live(String type, String command, int quantity) {
    return new LiveProcess(type, "Standard-1X", quantity, command, null);
  }

  private static Map<String, String> commands(String... typeCommand) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < typeCommand.length; i += 2) {
      m.put(typeCommand[i], typeCommand[i + 1]);
    }
    return m;
  }
}
