package dev.formation.platform.local;

import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.LocalSettings;
import java.io.IOException;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code formation local status --format json} ({@code schemas/local-status.schema.json}), {@code
 * kind} {@code formation-local-status}: the daemon's {@code GET /local/status} with {@code
 * "running": true}, or, when no daemon runs, {@code "running": false, "url": null} with the token
 * file and state folder.
 */
public final class StatusDocument {
  /** Bumped only when a field changes meaning or goes away; new fields do not bump it. */
  public static final int FORMAT_VERSION = 1;

  private StatusDocument() {}

  /** The document as pretty JSON, ending with a newline. */
  public static String json(Optional<DaemonInfo> running, LocalClient client, LocalSettings s)
      throws IOException {
    ObjectNode status;
    if (running.isPresent()) {
      status = client.status(running.get());
    } else {
      status = Json.MAPPER.createObjectNode();
      status.putNull("url");
      status.put("token_file", s.tokenFile().toString()).put("state_dir", s.stateDir().toString());
      status.putArray("apps");
    }
    status.put("running", running.isPresent());
    ObjectNode document = Json.MAPPER.createObjectNode();
    document.put("kind", "formation-local-status").put("format_version", FORMAT_VERSION);
    document.setAll(status);
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
  }
}
