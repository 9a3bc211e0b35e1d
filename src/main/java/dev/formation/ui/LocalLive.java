package dev.formation.ui;

import dev.formation.config.AppSpec;
import dev.formation.config.LoadResult;
import dev.formation.ops.Configs;
import dev.formation.platform.local.DaemonLocator;
import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.LogPage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local platform's apps of the files, live, through the daemon's HTTP API only ({@link
 * LocalClient}): its status (dynos, router, autoscaler decisions) and new log lines, read by a
 * sampler once per {@link UiServer.Options#localEvery} whether pages poll or not (they get what it
 * read last). The router's p95 and request count of the last minute are kept from each read for an
 * hour, for the charts.
 */
final class LocalLive implements AutoCloseable {
  static final Duration HISTORY = Duration.ofHours(1);
  static final int LOG_LINES = 400;

  /** One sample of an app's router: p95 of the last minute (-1: no request), requests in it. */
  private record Sample(long at, long p95, long requests) {}

  /** A log line, numbered for the pages that have seen the lines before it. */
  private record Line(long seq, String app, String text) {}

  private final UiServer.Options options;
  private final LocalSettings settings;
  private final LocalClient client;
  private final DaemonLocator locator;
  private final Map<String, Deque<Sample>> history = new HashMap<>();
  private final Deque<Line> lines = new ArrayDeque<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "formation-ui-local");
            t.setDaemon(true);
            return t;
          });
  private Map<String, Long> offsets;
  private long seq;
  private Instant readAt;
  private JsonNode status;
  private String problem;

  LocalLive(UiServer.Options options) {
    this.options = options;
    this.settings = LocalSettings.fromEnv(options.host().env(), options.host().home());
    this.client = new LocalClient(settings.tokenFile());
    this.locator = new DaemonLocator(settings, client, notice -> {});
  }

  /**
   * Samples the local platform every {@link UiServer.Options#localEvery} from now on, whether a
   * page is open or not, so that the charts hold the hour since the server started.
   */
  void start() {
    long every = Math.max(100, options.localEvery().toMillis());
    sampler.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
  }

  private synchronized void tick() {
    try {
      Set<String> apps = localApps();
      if (!apps.isEmpty()) {
        read(options.clock().instant(), apps);
      }
    } catch (RuntimeException e) {
      status = null;
      problem = "the local platform could not be read: " + e.getMessage();
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    client.close();
  }

  /** The local section, with the log lines numbered after {@code after}. */
  synchronized ObjectNode state(long after) {
    Set<String> apps = localApps();
    ObjectNode answer = UiJson.object();
    answer.put("any", !apps.isEmpty());
    if (apps.isEmpty()) {
      return answer;
    }
    Instant now = options.clock().instant();
    if (readAt == null) {
      // the sampler has not read yet: this page's first look reads once
      read(now, apps);
    }
    answer.put("running", status != null).put("problem", problem);
    ArrayNode list = answer.putArray("apps");
    for (String app : apps) {
      list.add(app(app, now));
    }
    ArrayNode logs = answer.putArray("logs");
    lines.stream()
        .filter(l -> l.seq() > after)
        .forEach(
            l -> logs.addObject().put("seq", l.seq()).put("app", l.app()).put("line", l.text()));
    answer.put("next", seq);
    return answer;
  }

  private Set<String> localApps() {
    LoadResult loaded = Configs.load(options.config());
    Set<String> names = new LinkedHashSet<>();
    if (loaded.ok()) {
      loaded.formationOrNull().apps().stream()
          .filter(a -> a.platform().word().equals("local"))
          .map(AppSpec::name)
          .forEach(names::add);
    }
    return names;
  }

  private void read(Instant now, Set<String> apps) {
    readAt = now;
    Optional<DaemonInfo> daemon = locator.alive();
    if (daemon.isEmpty()) {
      status = null;
      problem = "the local platform is not running: `formation local start` or an apply starts it";
      return;
    }
    try {
      status = client.status(daemon.get());
      problem = null;
      for (JsonNode app : status.path("apps")) {
        JsonNode router = app.path("router");
        Deque<Sample> samples =
            history.computeIfAbsent(app.path("name").asString(), n -> new ArrayDeque<>());
        samples.addLast(
            new Sample(
                now.getEpochSecond(),
                router.path("p95_ms_last_minute").asLong(-1),
                router.path("requests_last_minute").asLong(0)));
        while (samples.peekFirst().at() < now.minus(HISTORY).getEpochSecond()) {
          samples.removeFirst();
        }
      }
      readLogs(daemon.get(), apps);
    } catch (IOException e) {
      status = null;
      problem = "the local platform could not be read: " + e.getMessage();
    }
  }

  private void readLogs(DaemonInfo daemon, Set<String> apps) throws IOException {
    List<LogPage> pages = client.logs(daemon, null, 50, offsets);
    Map<String, Long> next = new HashMap<>(offsets == null ? Map.of() : offsets);
    for (LogPage page : pages) {
      next.put(page.app(), page.next());
      if (apps.contains(page.app())) {
        page.lines().forEach(l -> lines.addLast(new Line(++seq, page.app(), l)));
      }
    }
    offsets = next;
    while (lines.size() > LOG_LINES) {
      lines.removeFirst();
    }
  }

  private ObjectNode app(String name, Instant now) {
    ObjectNode out = UiJson.object().put("name", name);
    JsonNode app = null;
    if (status != null) {
      for (JsonNode a : status.path("apps")) {
        if (a.path("name").asString().equals(name)) {
          app = a;
        }
      }
    }
    out.put("registered", app != null);
    if (app == null) {
      return out;
    }
    out.set("router", app.path("router"));
    ArrayNode dynos = out.putArray("dynos");
    for (JsonNode d : app.path("dynos")) {
      ObjectNode dyno = dynos.addObject();
      dyno.put("name", d.path("name").asString())
          .put("state", d.path("state").asString())
          .put("restarts", d.path("restarts").asInt());
      if (d.has("pid")) {
        dyno.put("pid", d.path("pid").asLong());
      }
      if (d.has("since") && d.path("state").asString().equals("up")) {
        dyno.put("uptime_s", uptime(d.path("since").asString(), now));
      }
      if (d.has("problem")) {
        dyno.put("problem", d.path("problem").asString());
      }
    }
    if (app.has("autoscale")) {
      out.set("autoscale", app.path("autoscale"));
    }
    ObjectNode chart = out.putObject("history");
    ArrayNode x = chart.putArray("x");
    ArrayNode p95 = chart.putArray("p95");
    ArrayNode rate = chart.putArray("rate");
    for (Sample s : history.getOrDefault(name, new ArrayDeque<>())) {
      x.add(s.at());
      if (s.p95() < 0) {
        p95.addNull();
      } else {
        p95.add(s.p95());
      }
      rate.add(s.requests());
    }
    return out;
  }

  private static long uptime(String since, Instant now) {
    try {
      return Math.max(0, Duration.between(Instant.parse(since), now).getSeconds());
    } catch (RuntimeException unreadable) {
      return 0;
    }
  }
}
