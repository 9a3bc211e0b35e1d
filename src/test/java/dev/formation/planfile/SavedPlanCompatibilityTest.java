package dev.formation.planfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.apply.Targets;
import dev.formation.catalog.Catalog;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.config.AppSpec;
import dev.formation.config.PlatformKind;
import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.plan.AppPlan;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import dev.formation.plan.SetupChange;
import dev.formation.platform.kubernetes.KubernetesLocation;
import dev.formation.platform.kubernetes.KubernetesPlacement;
import dev.formation.platform.kubernetes.KubernetesSpec;
import dev.formation.platform.local.LocalRegistration;
import dev.formation.platform.local.LocalSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A saved plan written by formation 0.1.0 before platforms became plug-ins ({@code
 * saved/plan-0.1.0.json}: a local app with registration changes, a Kubernetes app pinned to its
 * cluster, a Heroku app) still loads, keeps its placements, and is written back byte for byte but
 * for the optional fields added since (and so its seal); the same inputs planned today give the
 * same file.
 */
class SavedPlanCompatibilityTest {
  private static final Path FILE = Path.of("src/test/resources/saved/plan-0.1.0.json");

  /**
   * A file as 0.1.0 wrote it: without the optional fields added since, which a newer build writes
   * and an older one never needed (the summary's {@code incomplete} and {@code unread_apps}), and
   * with its seal set aside, which covers them. That the old seal still verifies is the load's own
   * check.
   */
  private static String as010(String text) {
    return text.replaceAll(
            ",\\n\\s*\"incomplete\" : (true|false),\\n\\s*\"unread_apps\" : \\d+", "")
        .replaceAll("\"digest\" : \"sha256:[0-9a-f]+\"", "\"digest\" : \"(sealed)\"");
  }

  @Test
  void oldSavedPlan_loadsWithItsPlacements_andWritesBackTheSameBytes() throws Exception {
    String text = Files.readString(FILE);

    SavedPlan saved = PlanFile.parse(text, "plan-0.1.0.json");

    AppPlan local = saved.plan().apps().get(0);
    assertThat(local.placement())
        .isEqualTo(((LocalRegistration) local.placement()).sealed())
        .extracting(p -> ((LocalRegistration) p).dir(), p -> ((LocalRegistration) p).port())
        .containsExactly(Path.of("/srv/demo"), 5001);
    assertThat(local.setupChanges())
        .extracting(SetupChange::operation)
        .containsExactly("dir", "port", "command", "add_type", "remove_type");
    assertThat(local.live().placement()).isInstanceOf(LocalRegistration.class);

    AppPlan cluster = saved.plan().apps().get(1);
    KubernetesPlacement pinned = (KubernetesPlacement) Targets.of(cluster).placement();
    assertThat(pinned.context()).isEqualTo("kind-ctx");
    assertThat(pinned.namespace()).isEqualTo("shop");
    assertThat(cluster.live().placement()).isEqualTo(new KubernetesLocation("kind-ctx", "shop"));

    assertThat(as010(PlanFile.write(saved))).isEqualTo(as010(text));
  }

  @Test
  void theSameInputsPlannedToday_giveTheSameFile() throws Exception {
    Planner planner = new Planner(Catalog.standard());
    Plan plan =
        new Plan(
            List.of(
                planner.planApp(localApp(), localLive()),
                planner.planApp(clusterApp(), clusterLive()),
                planner.planApp(herokuApp(), herokuLive())));

    String text =
        PlanFile.write(
            new SavedPlan(
                plan,
                "3f9a0c1d2e4b5a6978d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6",
                null,
                Instant.parse("2026-12-01T10:00:00Z"),
                "0.1.0"));

    assertThat(as010(text)).isEqualTo(as010(Files.readString(FILE)));
  }

  private static ProcessSpec proc(String type, String size, int quantity) {
    return new ProcessSpec(
        type, Catalog.standard().find(size).orElseThrow(), quantity, null, null, List.of());
  }

  private static AppSpec localApp() {
    Map<String, String> procfile = new LinkedHashMap<>();
    procfile.put("web", "ruby web.rb --fast");
    procfile.put("clock", "./clock");
    return new AppSpec(
        "demo",
        PlatformKind.named("local"),
        false,
        new LocalSpec(Path.of("/srv/demo"), 5001, procfile),
        List.of(proc("web", "standard-1x", 2), proc("clock", "standard-1x", 1)),
        null);
  }

  private static LiveApp localLive() {
    Map<String, String> had = new LinkedHashMap<>();
    had.put("web", "ruby web.rb");
    had.put("worker", "./work");
    return new LiveApp(
        "demo",
        "id-demo",
        "cedar",
        List.of(
            new LiveProcess("web", "Standard-1X", 1, "ruby web.rb", null),
            new LiveProcess("worker", "Standard-1X", 1, "./work", null)),
        null,
        new LocalRegistration(Path.of("/srv/old"), 5000, had));
  }

  private static AppSpec clusterApp() {
    Map<String, Resources> sizes = PlatformKind.named("kubernetes").sizeMap();
    Map<String, Long> prices = new LinkedHashMap<>();
    for (Size s : Catalog.standard().all()) {
      prices.put(s.name(), 10L);
    }
    return new AppSpec(
        "cluster-app",
        PlatformKind.named("kubernetes"),
        false,
        new KubernetesSpec(null, "shop", "{app}-{type}", null, null, sizes, prices),
        List.of(proc("web", "standard-2x", 3)),
        null);
  }

  private static LiveApp clusterLive() {
    Resources r = PlatformKind.named("kubernetes").sizeMap().get("Standard-1X");
    return new LiveApp(
        "cluster-app",
        "kind-ctx/shop/cluster-app",
        "cedar",
        List.of(new LiveProcess("web", "Standard-1X", 1, null, null, r)),
        null,
        new KubernetesLocation("kind-ctx", "shop"));
  }

  private static AppSpec herokuApp() {
    return new AppSpec(
        "shop",
        PlatformKind.named("heroku"),
        false,
        null,
        List.of(proc("web", "standard-2x", 2)),
        null);
  }

  private static LiveApp herokuLive() {
    return new LiveApp(
        "shop",
        "id-shop",
        "cedar",
        List.of(new LiveProcess("web", "Standard-1X", 1, null, null)),
        null);
  }
}
