package dev.formation.platform.local;

import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.LocalSettings;
import java.io.IOException;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code formation local status --format json}: the daemon's {@code GET /local/status} with {@code
 * "running": true}, or, when no daemon runs, {@code "running": false, "url": null} with the token
 * file and state folder.
 */
public final class StatusDocument {
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
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(status) + "\n";
  }
}
