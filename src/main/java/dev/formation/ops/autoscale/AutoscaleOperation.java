package dev.formation.ops.autoscale;

import dev.formation.apply.Interrupt;
import dev.formation.apply.Platforms;
import dev.formation.autoscale.Sample;
import dev.formation.autoscale.read.BacklogReader;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.ops.Adapters;
import dev.formation.ops.ConfigSource;
import dev.formation.ops.Configs;
import dev.formation.ops.Host;
import dev.formation.ops.PlanOperation;
import dev.formation.ops.Selection;
import dev.formation.ops.Settings;
import dev.formation.platform.PlatformContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code formation autoscale}: the queue controller over the selected apps, one round ({@code
 * --once}) or round after round until interrupted, each decision handed to the caller as it is
 * made. The backlog URLs come from the host's environment, by each rule's {@code url_env}.
 */
public final class AutoscaleOperation {
  /**
   * @param once one round, then return
   * @param state where the samples are kept between runs ({@code --state}), or {@code null}: then a
   *     run remembers only its own rounds
   */
  public record Request(
      ConfigSource config, Selection selection, Settings settings, boolean once, Path state) {
    public Request(ConfigSource config, Selection selection, Settings settings, boolean once) {
      this(config, selection, settings, once, null);
    }
  }

  /**
   * @param rounds the rounds run
   * @param failed whether any read or write failed in any round
   * @param diagnostics the config's findings, and why nothing could be controlled
   */
  public record Result(LoadResult loaded, int rounds, boolean failed, Diagnostics diagnostics) {}

  /** Waits until a moment, or less when a stop is requested: the controller's only sleep. */
  public interface Pacer {
    void waitUntil(Instant moment, Interrupt stop);

    /** The clock's own time, in slices short enough to notice a stop soon. */
    static Pacer of(Clock clock) {
      return (moment, stop) -> {
        while (!stop.requested() && clock.instant().isBefore(moment)) {
          long ms = Duration.between(clock.instant(), moment).toMillis();
          try {
            Thread.sleep(Math.max(1, Math.min(ms, 200)));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.request();
          }
        }
      };
    }
  }

  private final Host host;
  private final String version;
  private final Clock clock;
  private final Pacer pacer;

  public AutoscaleOperation(Host host, String version, Clock clock) {
    this(host, version, clock, Pacer.of(clock));
  }

  public AutoscaleOperation(Host host, String version, Clock clock, Pacer pacer) {
    this.host = host;
    this.version = version;
    this.clock = clock;
    this.pacer = pacer;
  }

  public Result run(Request request, Interrupt stop, Consumer<QueueEvent> events) {
    Diagnostics diagnostics = new Diagnostics();
    LoadResult loaded = Configs.load(request.config());
    diagnostics.addAll(loaded.diagnostics());
    Formation selected = PlanOperation.select(loaded, request.selection(), diagnostics);
    if (selected == null) {
      return new Result(loaded, 0, true, diagnostics);
    }
    // it writes counts, as apply does (only to platforms without an autoscaler of their own)
    try (Adapters platforms =
        new Adapters(host, request.settings(), version, PlatformContext.Intent.APPLY)) {
      Result r = control(selected, platforms, request.once(), request.state(), stop, events);
      diagnostics.addAll(r.diagnostics());
      return new Result(loaded, r.rounds(), r.failed(), diagnostics);
    }
  }

  /**
   * The controller over a formation already loaded: the part {@link #run} shares with tests that
   * build their formation from specs.
   */
  public Result control(
      Formation formation,
      Platforms platforms,
      boolean once,
      Interrupt stop,
      Consumer<QueueEvent> events) {
    return control(formation, platforms, once, null, stop, events);
  }

  /**
   * @param state where samples are kept between runs, or {@code null}
   */
  public Result control(
      Formation formation,
      Platforms platforms,
      boolean once,
      Path state,
      Interrupt stop,
      Consumer<QueueEvent> events) {
    Diagnostics diagnostics = new Diagnostics();
    if (QueueController.controlled(formation).isEmpty()) {
      diagnostics.error(
          Code.FM200,
          "no process type to autoscale on queues: no selected app has a `queue` rule on a"
              + " platform without a queue autoscaler of its own",
          null,
          "give a process type `autoscale: {min, max, queue: {...}}`; local apps are autoscaled"
              + " by the local platform, Kubernetes apps by KEDA (docs/autoscaling.md)");
      return new Result(null, 0, true, diagnostics);
    }
    Map<String, List<Sample>> remembered = Map.of();
    if (state != null) {
      try {
        remembered = SampleFile.read(state);
      } catch (IOException e) {
        diagnostics.error(
            Code.FM202,
            "cannot read the samples file " + state + ": " + e.getMessage(),
            null,
            "nothing was read or written; delete the file to start afresh (the next runs then"
                + " scale down only after `scale_down_after` of new samples)");
        return new Result(null, 0, true, diagnostics);
      }
    }
    QueueController controller =
        new QueueController(formation, platforms, new BacklogReader(host.env()), remembered);
    int rounds = 0;
    boolean failed = false;
    do {
      Instant now = clock.instant();
      failed |= controller.round(now, events);
      rounds++;
      if (state != null) {
        try {
          SampleFile.write(state, controller.samples());
        } catch (IOException e) {
          diagnostics.error(
              Code.FM202,
              "cannot write the samples file " + state + ": " + e.getMessage(),
              null,
              "the counts of this round were written; the next run remembers no samples");
          failed = true;
          break;
        }
      }
      if (!once && !stop.requested()) {
        pacer.waitUntil(controller.next(now), stop);
      }
    } while (!once && !stop.requested());
    return new Result(null, rounds, failed, diagnostics);
  }
}
