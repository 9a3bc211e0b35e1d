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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local platform's apps of the files, live, through the daemon's HTTP API only ({@link
 * LocalClient}): its status (dynos, router, autoscaler decisions), each router's last hour minute
 * by minute (the daemon keeps it, so the charts hold the hour whenever the page opens) and new log
 * lines. A read is reused for {@link UiServer.Options#localEvery}, however many pages poll, so the
 * daemon sees at most three requests in that time; with no page open, nothing is read.
 */
final class LocalLive implements AutoCloseable {
  static final int LOG_LINES = 400;
  static final int MINUTES = 60;

  /** A log line, numbered for the pages that have seen the lines before it. */
  private record Line(long seq, String app, String text) {}

  private final UiServer.Options options;
  private final LocalSettings settings;
  private final LocalClient client;
  private final DaemonLocator locator;
  private final Deque<Line> lines = new ArrayDeque<>();
  private Map<String, Long> offsets;
  private long seq;
  private Instant readAt;
  private JsonNode status;
  private JsonNode history;
  private String problem;

  LocalLive(UiServer.Options options) {
    this.options = options;
    this.settings = LocalSettings.fromEnv(options.host().env(), options.host().home());
    this.client = new LocalClient(settings.tokenFile());
    this.locator = new DaemonLocator(settings, client, notice -> {});
  }

  @Override
  public void close() {
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
    if (readAt == null || !now.isBefore(readAt.plus(options.localEvery()))) {
      try {
        read(now, apps);
      } catch (RuntimeException e) {
        status = null;
        problem = "the local platform could not be read: " + e.getMessage();
      }
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
      history = client.routerHistory(daemon.get());
      problem = null;
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
    out.set("history", chart(name));
    return out;
  }

  /**
   * The router's last hour as chart series: a point per minute (its start, in epoch seconds), the
   * minutes before the router started empty, so that a chart always spans the hour; p95 null in a
   * minute without requests.
   */
  private ObjectNode chart(String name) {
    JsonNode minutes = null;
    if (history != null) {
      for (JsonNode a : history.path("apps")) {
        if (a.path("name").asString().equals(name)) {
          minutes = a.path("minutes");
        }
      }
    }
    ObjectNode chart = UiJson.object();
    ArrayNode x = chart.putArray("x");
    ArrayNode p95 = chart.putArray("p95");
    ArrayNode rate = chart.putArray("rate");
    long requests = 0;
    long errors = 0;
    if (minutes != null && !minutes.isEmpty()) {
      long first = Instant.parse(minutes.get(0).path("start").asString()).getEpochSecond();
      for (int k = MINUTES - minutes.size(); k > 0; k--) {
        x.add(first - 60L * k);
        p95.addNull();
        rate.addNull();
      }
      for (JsonNode m : minutes) {
        x.add(Instant.parse(m.path("start").asString()).getEpochSecond());
        long ms = m.path("p95_ms").asLong(-1);
        if (ms < 0) {
          p95.addNull();
        } else {
          p95.add(ms);
        }
        rate.add(m.path("requests").asLong());
        requests += m.path("requests").asLong();
        errors += m.path("errors_5xx").asLong();
      }
    }
    chart.put("requests", requests).put("errors_5xx", errors);
    return chart;
  }

  private static long uptime(String since, Instant now) {
    try {
      return Math.max(0, Duration.between(Instant.parse(since), now).getSeconds());
    } catch (RuntimeException unreadable) {
      return 0;
    }
  }
}
