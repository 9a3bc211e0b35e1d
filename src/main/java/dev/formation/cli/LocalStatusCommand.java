package dev.formation.cli;

import dev.formation.platform.local.DaemonInfo;
import dev.formation.platform.local.LocalClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code formation local status}: the daemon, its apps, their dynos and autoscaling. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the local platform: URL, token file, apps, dynos, autoscaling.")
final class LocalStatusCommand implements Callable<Integer> {
  enum Format { text, json }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParentCommand LocalCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  Format format;

  @Override
  public Integer call() {
    return LocalCommand.guarded(spec, "", this::show);
  }

  private int show() throws IOException {
    LocalClient client = parent.client();
    PrintWriter out = spec.commandLine().getOut();
    Optional<DaemonInfo> running = client.running();
    ObjectNode status =
        running.isPresent() ? (ObjectNode) client.status(running.get()) : stopped(client);
    status.put("running", running.isPresent());
    if (format == Format.json) {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(status));
    } else {
      text(out, status);
    }
    return ExitCode.OK;
  }

  private static ObjectNode stopped(LocalClient client) {
    ObjectNode n = JSON.createObjectNode();
    n.putNull("url");
    n.put("token_file", client.settings().tokenFile().toString())
        .put("state_dir", client.settings().stateDir().toString());
    n.putArray("apps");
    return n;
  }

  private static void text(PrintWriter out, JsonNode s) {
    if (s.get("url").isNull()) {
      out.println("Local platform is not running (start it with `formation local start`).");
      out.println("State:      " + s.get("state_dir").asString());
      return;
    }
    out.println("Local platform: " + s.get("url").asString() + " (pid " + s.get("pid").asLong()
        + ")");
    out.println("Token file:     " + s.get("token_file").asString());
    out.println("State:          " + s.get("state_dir").asString());
    for (JsonNode app : s.get("apps")) {
      JsonNode router = app.get("router");
      out.println();
      out.println(app.get("name").asString() + "  router http://127.0.0.1:"
          + router.get("port").asInt() + (router.get("listening").asBoolean() ? "" : " (not listening)")
          + "  " + app.get("dir").asString());
      if (app.get("dynos").isEmpty()) {
        out.println("  no dynos (every process type is at 0)");
      }
      for (JsonNode d : app.get("dynos")) {
        out.printf("  %-12s %-9s %-13s%s%s%n", d.get("name").asString(), d.get("state").asString(),
            d.get("size").asString(), d.has("pid") ? " pid " + d.get("pid").asLong() : "",
            d.get("restarts").asInt() > 0 ? " restarts " + d.get("restarts").asInt() : "");
      }
      JsonNode auto = app.get("autoscale");
      if (auto != null) {
        out.printf("  autoscale web %d..%d, target p95 %d ms%n", auto.get("min").asInt(),
            auto.get("max").asInt(), auto.get("p95_ms_target").asInt());
        JsonNode decisions = auto.get("decisions");
        if (!decisions.isEmpty()) {
          JsonNode last = decisions.get(decisions.size() - 1);
          out.println("    last decision " + last.get("at").asString() + ": web "
              + last.get("from").asInt() + " -> " + last.get("to").asInt() + ", "
              + last.get("reason").asString());
        }
      }
    }
  }
}
