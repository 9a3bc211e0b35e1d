package dev.formation.platform.local.daemon.api;

import dev.formation.autoscale.read.BacklogReader;
import dev.formation.platform.local.daemon.AppLog;
import dev.formation.platform.local.daemon.AppRecord;
import dev.formation.platform.local.daemon.LocalDaemon;
import dev.formation.platform.local.daemon.QueueRecord;
import dev.formation.platform.local.daemon.QueueScaler;
import dev.formation.platform.local.daemon.supervisor.Dyno;
import dev.formation.platform.local.state.LocalSettings;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The daemon's own view of itself for {@code formation local status}. */
final class StatusView {
  private final LocalDaemon daemon;

  StatusView(LocalDaemon daemon) {
    this.daemon = daemon;
  }

  ObjectNode json() {
    LocalSettings s = daemon.settings();
    ObjectNode root =
        Wire.object()
            .put("url", daemon.url())
            .put("token_file", s.tokenFile().toString())
            .put("state_dir", s.stateDir().toString())
            .put("pid", ProcessHandle.current().pid());
    ArrayNode apps = root.putArray("apps");
    for (AppRecord a : daemon.apps()) {
      ObjectNode app =
          apps.addObject()
              .put("name", a.name())
              .put("id", a.id())
              .put("dir", a.dir())
              .put("log_file", AppLog.fileOf(s.logsDir(), a.name()).toString());
      Duration minute = Duration.ofMinutes(1);
      app.putObject("router")
          .put("port", a.port())
          .put("listening", daemon.routers().listening(a.name()))
          .put("requests_last_minute", daemon.routers().requests(a.name(), minute))
          .put("p95_ms_last_minute", daemon.routers().p95(a.name(), minute));
      ArrayNode formation = app.putArray("formation");
      a.processes()
          .forEach(
              p ->
                  formation
                      .addObject()
                      .put("type", p.type())
                      .put("size", p.size())
                      .put("quantity", p.quantity())
                      .put("command", p.command()));
      ArrayNode dynos = app.putArray("dynos");
      for (Dyno d : daemon.dynos(a)) {
        ObjectNode n =
            dynos
                .addObject()
                .put("name", d.name())
                .put("state", d.state())
                .put("size", d.size())
                .put("restarts", d.restarts())
                .put("since", d.updatedAt().toString());
        if (d.pid() > 0) {
          n.put("pid", d.pid());
        }
        if (d.isWeb()) {
          n.put("port", d.port());
        }
        if (d.problem() != null) {
          n.put("problem", d.problem());
        }
      }
      if (!a.queues().isEmpty()) {
        queues(app.putArray("queues"), a);
      }
      a.activeScaleMonitor()
          .ifPresent(
              m -> {
                ObjectNode auto =
                    app.putObject("autoscale")
                        .put("min", m.minQuantity())
                        .put("max", m.maxQuantity())
                        .put("p95_ms_target", m.value());
                ArrayNode decisions = auto.putArray("decisions");
                daemon
                    .autoscaler()
                    .decisions(a.name())
                    .forEach(
                        x ->
                            decisions
                                .addObject()
                                .put("at", x.at())
                                .put("from", x.from())
                                .put("to", x.to())
                                .put("p95_ms", x.p95Ms())
                                .put("reason", x.reason()));
              });
    }
    return root;
  }

  /** Each queue rule with its latest decision: the backlog read, the count wanted, and why. */
  private void queues(ArrayNode list, AppRecord a) {
    Map<String, QueueScaler.Event> last = daemon.queueScaler().last(a.name());
    for (QueueRecord q : a.queues()) {
      ObjectNode n =
          QueueWire.band(list.addObject(), q)
              .put("source", BacklogReader.describe(q.rule().source()));
      QueueScaler.Event e = last.get(q.type());
      if (e == null) {
        n.putNull("backlog");
        n.putNull("desired");
        n.putNull("last_decision");
        continue;
      }
      if (e.backlog() == null) {
        n.putNull("backlog");
      } else {
        n.put("backlog", e.backlog());
      }
      n.put("desired", e.to());
      ObjectNode d = n.putObject("last_decision").put("at", e.at());
      if (e.backlog() == null) {
        d.putNull("backlog");
      } else {
        d.put("backlog", e.backlog());
      }
      d.put("from", e.from()).put("to", e.to()).put("action", e.action()).put("reason", e.reason());
    }
  }
}
