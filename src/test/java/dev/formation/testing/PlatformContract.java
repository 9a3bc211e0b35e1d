package dev.formation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Platform} adapter must show. An adapter's test extends this class,
 * sets up its platform in its own {@code @BeforeEach}, and says how to seed an app.
 */
public abstract class PlatformContract {

  /** A process type to seed: a catalogue size name and a quantity. */
  public record Seed(String size, int quantity) {}

  /** The platform under test, ready for use. */
  protected abstract Platform platform();

  /**
   * Creates a Cedar app whose release has exactly these process types (the local platform writes a
   * Procfile); Performance sizes must be allowed to autoscale web.
   */
  protected abstract void seedApp(String name, Map<String, Seed> processes) throws Exception;

  /** The platform's name for an app: by default a Heroku app known by name. */
  protected Target target(String app) {
    return Target.named(app, PlatformKind.named("heroku"));
  }

  /**
   * What reading an app the platform does not have gives: by default an error naming it (the local
   * platform overrides this: an unknown local app reads as not registered).
   */
  protected void assertUnknownApp(String app) {
    assertThatThrownBy(() -> platform().read(target(app)))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining(app)
        .hasMessageContaining("not found");
  }

  private LiveApp read(String app) throws PlatformException {
    return platform().read(target(app));
  }

  private LiveApp write(LiveApp app, Write write) throws PlatformException {
    return platform().apply(target(app.name()), app, write);
  }

  private static Write batch(FormationUpdate... updates) {
    return new Write.UpdateFormation(List.of(updates));
  }

  private static Map<String, Seed> types(Object... typeSizeQuantity) {
    Map<String, Seed> m = new LinkedHashMap<>();
    for (int i = 0; i < typeSizeQuantity.length; i += 3) {
      m.put(
          (String) typeSizeQuantity[i],
          new Seed((String) typeSizeQuantity[i + 1], (Integer) typeSizeQuantity[i + 2]));
    }
    return m;
  }

  @Test
  void read_returnsTheSeededFormation() throws Exception {
    seedApp("contract-read", types("web", "standard-2x", 2, "worker", "Standard-1X", 1));

    LiveApp live = read("contract-read");

    assertThat(live.name()).isEqualTo("contract-read");
    assertThat(live.id()).isNotBlank();
    assertThat(live.generation()).isEqualTo("cedar");
    assertThat(live.processes())
        .extracting(LiveProcess::type, LiveProcess::size, LiveProcess::quantity)
        .containsExactlyInAnyOrder(
            tuple("web", "Standard-2X", 2), tuple("worker", "Standard-1X", 1));
  }

  @Test
  void updateFormation_batchChangesQuantityAndSize_andAReReadShowsIt() throws Exception {
    seedApp("contract-update", types("web", "basic", 1, "worker", "basic", 1));
    LiveApp live = read("contract-update");

    // a tier move: only possible as one batch over every type
    LiveApp answered =
        write(
            live,
            batch(
                new FormationUpdate("web", 3, "standard-2x"),
                new FormationUpdate("worker", 0, "standard-1x")));
    LiveApp reread = read("contract-update");

    for (LiveApp app : List.of(answered, reread)) {
      assertThat(app.processes())
          .extracting(LiveProcess::type, LiveProcess::size, LiveProcess::quantity)
          .containsExactlyInAnyOrder(
              tuple("web", "Standard-2X", 3), tuple("worker", "Standard-1X", 0));
    }
  }

  @Test
  void updateFormation_appliedTwice_leavesTheSameState() throws Exception {
    seedApp("contract-twice", types("web", "standard-1x", 1, "worker", "standard-1x", 2));
    LiveApp live = read("contract-twice");
    Write update = batch(new FormationUpdate("web", 4, "standard-2x"));

    write(live, update);
    LiveApp once = read("contract-twice");
    write(once, update);
    LiveApp twice = read("contract-twice");

    assertThat(shape(twice)).isEqualTo(shape(once));
    assertThat(once.process("web").get().quantity()).isEqualTo(4);
    assertThat(once.process("worker").get().quantity()).isEqualTo(2);
  }

  @Test
  void read_unknownApp_isToldClearly() {
    assertUnknownApp("contract-missing");
  }

  @Test
  void updateFormation_unknownType_failsNamingTheType() throws Exception {
    seedApp("contract-types", types("web", "standard-1x", 1));
    LiveApp live = read("contract-types");

    assertThatThrownBy(() -> write(live, batch(new FormationUpdate("clock", 1, null))))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("clock");
    assertThat(shape(read("contract-types"))).isEqualTo(shape(live));
  }

  @Test
  void monitor_createUpdateDisable_roundTrips() throws Exception {
    seedApp("contract-monitor", types("web", "performance-m", 2));
    LiveApp live = read("contract-monitor");
    assertThat(live.monitor()).isNull();

    MonitorSettings first = new MonitorSettings(2, 6, 800, notifySupported());
    LiveMonitor created = write(live, new Write.CreateMonitor(first)).monitor();
    assertThat(read("contract-monitor").monitor())
        .isEqualTo(monitorAsWritten(created.id(), first))
        .isEqualTo(created);

    MonitorSettings second = new MonitorSettings(1, 4, 300, false);
    write(live, new Write.UpdateMonitor(created.id(), second));
    assertThat(read("contract-monitor").monitor())
        .isEqualTo(monitorAsWritten(created.id(), second));

    write(live, new Write.DisableMonitor(created.id()));
    assertThat(read("contract-monitor").monitor())
        .isEqualTo(monitorAfterDisable(monitorAsWritten(created.id(), second)));
  }

  /** Whether the platform's autoscaler can notify (Heroku's can; a Kubernetes HPA cannot). */
  protected boolean notifySupported() {
    return true;
  }

  /** How a monitor reads back once written with {@code s}: by default, exactly as written. */
  protected LiveMonitor monitorAsWritten(String id, MonitorSettings s) {
    return new LiveMonitor(id, true, s.min(), s.max(), s.p95Ms(), s.notifyApp());
  }

  /**
   * How a monitor reads back once disabled: by default off with its settings kept (Heroku); a
   * platform that deletes its autoscaler reads {@code null}.
   */
  protected LiveMonitor monitorAfterDisable(LiveMonitor on) {
    return new LiveMonitor(on.id(), false, on.min(), on.max(), on.p95Ms(), on.notifyApp());
  }

  private static Map<String, String> shape(LiveApp app) {
    Map<String, String> m = new LinkedHashMap<>();
    app.processes().forEach(p -> m.put(p.type(), p.size() + " x" + p.quantity()));
    return m;
  }
}
