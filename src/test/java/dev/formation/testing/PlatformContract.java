package dev.formation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
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

    LiveApp live = platform().read("contract-read", false);

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
    LiveApp live = platform().read("contract-update", false);

    // a tier move: only possible as one batch over every type
    LiveApp answered =
        platform()
            .updateFormation(
                live,
                List.of(
                    new FormationUpdate("web", 3, "standard-2x"),
                    new FormationUpdate("worker", 0, "standard-1x")));
    LiveApp reread = platform().read("contract-update", false);

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
    LiveApp live = platform().read("contract-twice", false);
    List<FormationUpdate> updates = List.of(new FormationUpdate("web", 4, "standard-2x"));

    platform().updateFormation(live, updates);
    LiveApp once = platform().read("contract-twice", false);
    platform().updateFormation(once, updates);
    LiveApp twice = platform().read("contract-twice", false);

    assertThat(shape(twice)).isEqualTo(shape(once));
    assertThat(once.process("web").get().quantity()).isEqualTo(4);
    assertThat(once.process("worker").get().quantity()).isEqualTo(2);
  }

  @Test
  void read_unknownApp_failsClearly() {
    assertThatThrownBy(() -> platform().read("contract-missing", false))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("contract-missing")
        .hasMessageContaining("not found");
  }

  @Test
  void updateFormation_unknownType_failsNamingTheType() throws Exception {
    seedApp("contract-types", types("web", "standard-1x", 1));
    LiveApp live = platform().read("contract-types", false);

    assertThatThrownBy(
            () -> platform().updateFormation(live, List.of(new FormationUpdate("clock", 1, null))))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("clock");
    assertThat(shape(platform().read("contract-types", false))).isEqualTo(shape(live));
  }

  @Test
  void monitor_createUpdateDisable_roundTrips() throws Exception {
    seedApp("contract-monitor", types("web", "performance-m", 2));
    LiveApp live = platform().read("contract-monitor", true);
    assertThat(live.monitor()).isNull();

    LiveMonitor created = platform().createMonitor(live, new MonitorSettings(2, 6, 800, true));
    assertThat(platform().read("contract-monitor", true).monitor())
        .isEqualTo(new LiveMonitor(created.id(), true, 2, 6, 800, true))
        .isEqualTo(created);

    platform().updateMonitor(live, created.id(), new MonitorSettings(1, 4, 300, false));
    assertThat(platform().read("contract-monitor", true).monitor())
        .isEqualTo(new LiveMonitor(created.id(), true, 1, 4, 300, false));

    platform().disableMonitor(live, created.id());
    assertThat(platform().read("contract-monitor", true).monitor())
        .isEqualTo(new LiveMonitor(created.id(), false, 1, 4, 300, false));
  }

  private static Map<String, String> shape(LiveApp app) {
    Map<String, String> m = new LinkedHashMap<>();
    app.processes().forEach(p -> m.put(p.type(), p.size() + " x" + p.quantity()));
    return m;
  }
}
