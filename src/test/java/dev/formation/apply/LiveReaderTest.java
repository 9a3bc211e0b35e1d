package dev.formation.apply;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.AppSpec;
import dev.formation.live.LiveApp;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveReaderTest {
  /** Answers every read, noting the order they came in; fails the apps named "broken-…". */
  private static final class Recording implements Platform {
    final List<String> order = Collections.synchronizedList(new ArrayList<>());

    @Override
    public LiveApp read(Target target) throws PlatformException {
      order.add(target.app());
      if (target.app().startsWith("broken")) {
        throw new PlatformException("no such app", 404, "not_found", null);
      }
      return liveApp(target.app(), null, live("web", "standard-1x", 1));
    }

    @Override
    public LiveApp apply(Target target, LiveApp app, Write write) {
      throw new AssertionError("a read writes nothing");
    }
  }

  private static final List<AppSpec> APPS =
      List.of(
          app("a-standard", false, proc("web", "standard-1x", 1)),
          app("b-performance", false, auto("web", "performance-m", null, 2, 6)),
          app("broken-c", false, proc("web", "standard-2x", 1)),
          app("d-worker-on-performance", false, proc("worker", "performance-l", 1)),
          app("e-performance", false, proc("web", "performance-l", 2)));

  @Test
  void readsAppsWhoseWebCanAutoscaleFirst_andAnswersInTheConfigsOrder() {
    Recording platform = new Recording();
    LiveReader.Result result = new LiveReader(kind -> platform, 1, line -> {}).readApps(APPS);

    // web on a size that can autoscale costs a second request (its monitor): those go first
    assertThat(platform.order)
        .containsExactly(
            "b-performance", "e-performance", "a-standard", "broken-c", "d-worker-on-performance");
    assertThat(result.live().keySet())
        .containsExactly("a-standard", "b-performance", "d-worker-on-performance", "e-performance");
    assertThat(result.errors().keySet()).containsExactly("broken-c");
  }

  @Test
  void handsEachAppReadToTheCallingThread_asItComesIn() {
    for (int parallelism : new int[] {1, 4}) {
      Recording platform = new Recording();
      Thread caller = Thread.currentThread();
      List<String> handed = new ArrayList<>();
      List<Thread> on = new ArrayList<>();
      LiveReader.Result result =
          new LiveReader(kind -> platform, parallelism, line -> {})
              .readApps(
                  APPS,
                  (app, live) -> {
                    assertThat(live.name()).isEqualTo(app);
                    handed.add(app);
                    on.add(Thread.currentThread());
                  });
      // every app that was read, once; an unreadable one is not handed over
      assertThat(handed).containsExactlyInAnyOrderElementsOf(result.live().keySet());
      assertThat(on).containsOnly(caller);
    }
  }

  @Test
  void readsEveryAppOnce_atAnyParallelism() {
    for (int parallelism : new int[] {2, 3, 32}) {
      Recording platform = new Recording();
      LiveReader.Result result =
          new LiveReader(kind -> platform, parallelism, line -> {}).readApps(APPS);
      assertThat(platform.order).hasSize(APPS.size()).doesNotHaveDuplicates();
      assertThat(result.live().keySet())
          .containsExactly(
              "a-standard", "b-performance", "d-worker-on-performance", "e-performance");
    }
  }
}
