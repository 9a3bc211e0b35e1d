package dev.formation.platform.local;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.platform.local.state.AppNames;
import dev.formation.platform.local.state.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The apps a stopped local platform recorded ({@code apps/APP.json}), read as the daemon would
 * serve them once started: it restores each app's formation and monitors from these files, so they
 * are what {@code apply} would find. Read as JSON text, never through the daemon's own classes; a
 * file is only read, never set aside or rewritten (that is the daemon's, when it starts).
 */
final class RecordedApps {
  private static final String SCALE_ACTION = "scale";
  private static final String SCALE_NAME = "LATENCY_SCALE";

  private final Path appsDir;

  RecordedApps(Path appsDir) {
    this.appsDir = appsDir;
  }

  /** The app as recorded, {@link LiveApp#unregistered} when there is no record of it. */
  LiveApp read(String app) throws IOException {
    if (!AppNames.valid(app)) {
      return LiveApp.unregistered(app);
    }
    Path file = appsDir.resolve(app + ".json");
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return LiveApp.unregistered(app);
    } catch (RuntimeException e) {
      throw new IOException(file + " cannot be read: the daemon sets it aside when it starts");
    }
    try {
      return of(app, root);
    } catch (RuntimeException e) {
      throw new IOException(
          file
              + " is not a local app's record ("
              + e.getMessage()
              + "): the daemon sets it aside"
              + " when it starts");
    }
  }

  private static LiveApp of(String app, JsonNode root) {
    if (!app.equals(root.path("name").asString(null)) || !root.path("id").isString()) {
      throw new IllegalArgumentException("its name or id is missing");
    }
    List<LiveProcess> processes = new ArrayList<>();
    Map<String, String> commands = new LinkedHashMap<>();
    for (JsonNode p : root.path("processes")) {
      String type = p.path("type").asString(null);
      String size = p.path("size").asString(null);
      if (type == null || size == null || p.path("quantity").asInt(-1) < 0) {
        throw new IllegalArgumentException("a process type without a type, size or quantity");
      }
      String command = p.path("command").asString("");
      processes.add(
          new LiveProcess(
              type, size, p.path("quantity").asInt(), command, instant(p.path("updated_at"))));
      commands.put(type, command);
    }
    LocalRegistration registration =
        new LocalRegistration(
            Path.of(root.path("dir").asString()), root.path("port").asInt(), commands);
    return new LiveApp(
        app,
        root.path("id").asString(),
        "cedar",
        processes,
        webCanAutoscale(processes) ? scaleMonitor(root.path("monitors")) : null,
        registration);
  }

  /** As the Heroku adapter asks for the monitor: only where web's size can autoscale. */
  private static boolean webCanAutoscale(List<LiveProcess> processes) {
    return processes.stream()
        .filter(p -> p.type().equals("web"))
        .anyMatch(p -> Catalog.standard().find(p.size()).map(Size::autoscale).orElse(false));
  }

  private static LiveMonitor scaleMonitor(JsonNode monitors) {
    for (JsonNode m : monitors) {
      if (SCALE_ACTION.equals(m.path("action_type").asString(null))
          && SCALE_NAME.equals(m.path("name").asString(null))) {
        boolean notify = false;
        for (JsonNode c : m.path("notification_channels")) {
          notify |= "app".equals(c.asString(null));
        }
        return new LiveMonitor(
            m.path("id").asString(),
            m.path("active").asBoolean(false),
            m.path("min_quantity").asInt(0),
            m.path("max_quantity").asInt(0),
            m.path("value").isNumber() ? m.path("value").asInt() : 1000,
            notify);
      }
    }
    return null;
  }

  private static Instant instant(JsonNode at) {
    try {
      return at.isString() ? Instant.parse(at.asString()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
