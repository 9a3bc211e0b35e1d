package dev.formation.platform.local;

import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.PidFiles;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code formation local status --format json} ({@code schemas/local-status.schema.json}), {@code
 * kind} {@code formation-local-status}: the daemon's {@code GET /local/status} with {@code
 * "running": true}, or, when no daemon runs, {@code "running": false, "url": null} with the token
 * file, the state folder and the {@code orphans}: dynos a daemon that died left running.
 */
public final class StatusDocument {
  /** Bumped only when a field changes meaning or goes away; new fields do not bump it. */
  public static final int FORMAT_VERSION = 1;

  private StatusDocument() {}

  /** The document as pretty JSON, ending with a newline. */
  public static String json(Optional<DaemonInfo> running, LocalClient client, LocalSettings s)
      throws IOException {
    return json(running, client, s, List.of());
  }

  /**
   * The document, with {@code orphans} listed when no daemon runs.
   *
   * @param orphans what {@link PidFiles#running} found while no daemon runs
   */
  public static String json(
      Optional<DaemonInfo> running,
      LocalClient client,
      LocalSettings s,
      List<PidFiles.Orphan> orphans)
      throws IOException {
    ObjectNode status;
    if (running.isPresent()) {
      status = client.status(running.get());
    } else {
      status = Json.MAPPER.createObjectNode();
      status.putNull("url");
      status.put("token_file", s.tokenFile().toString()).put("state_dir", s.stateDir().toString());
      status.putArray("apps");
      ArrayNode left = status.putArray("orphans");
      for (PidFiles.Orphan o : orphans) {
        ObjectNode n = left.addObject();
        n.put("app", o.app()).put("dyno", o.dyno()).put("type", o.type()).put("pgid", o.pgid());
        o.pids().forEach(n.putArray("pids")::add);
      }
    }
    status.put("running", running.isPresent());
    ObjectNode document = Json.MAPPER.createObjectNode();
    document.put("kind", "formation-local-status").put("format_version", FORMAT_VERSION);
    document.setAll(status);
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
  }
}
