package dev.formation.platform.local;

import dev.formation.config.AppBlock;
import dev.formation.config.PlatformKind;
import dev.formation.config.PlatformSettings;
import dev.formation.config.TreePath;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.DidYouMean;
import dev.formation.diag.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the {@code local} block: present exactly for local apps, a folder with a
 * Procfile that declares every process type of the app, a router port no other local app has.
 */
final class LocalRules {
  /**
   * A Procfile longer than this is not a Procfile; refuse to read it whole (as the daemon does).
   */
  static final long MAX_PROCFILE_BYTES = dev.formation.platform.local.state.Procfile.MAX_BYTES;

  private final Diagnostics diags;

  LocalRules(Diagnostics diags) {
    this.diags = diags;
  }

  /**
   * The app's local settings with its Procfile's commands (none when there is no readable Procfile
   * to take them from), or {@code null} when the block lacks its folder or port.
   */
  LocalSpec read(AppBlock app) {
    if (app.entry() == null) {
      diags.error(
          Code.FM060,
          "app `" + app.app() + "` has `platform: local` but no `local` block",
          app.appAt(),
          "add `local: {dir: ./app, port: 5000}`: the folder with the Procfile and a router port");
      return null;
    }
    if (!(app.entry().value() instanceof YMap map)) {
      return null; // the schema reported its type
    }
    TreePath at = app.at().then("local");
    YNode dirNode = map.get("dir");
    YNode portNode = map.get("port");
    String dir = app.read().string(dirNode, at.then("dir"));
    Integer port = app.read().integer(portNode, at.then("port"), Code.FM063);
    Map<String, String> commands = null;
    if (dir != null && app.baseDir() != null) {
      commands = procfile(app, dir, dirNode.range());
    }
    if (dir == null || port == null) {
      return null;
    }
    Path folder = app.baseDir() == null ? Path.of(dir) : app.baseDir().resolve(dir);
    return new LocalSpec(
        folder.toAbsolutePath().normalize(),
        port,
        commands == null ? Map.of() : commands,
        portNode.range());
  }

  /** Reports a {@code local} block on an app of another platform. */
  void refuse(AppBlock app, PlatformKind actual) {
    diags.error(
        Code.FM060,
        "`local` is only for `platform: local` apps; app `"
            + app.app()
            + "` is on "
            + actual.word(),
        app.entry().keyRange(),
        "remove the `local` block, or set `platform: local`");
  }

  /** A router port is one app's: the second app to claim it is an error. */
  void portsOnce(Map<String, PlatformSettings> apps) {
    Map<Integer, String> owners = new HashMap<>();
    Map<Integer, SourceRange> owned = new HashMap<>();
    apps.forEach(
        (name, settings) -> {
          LocalSpec spec = (LocalSpec) settings;
          String owner = owners.putIfAbsent(spec.port(), name);
          owned.putIfAbsent(spec.port(), spec.portAt());
          if (owner != null) {
            diags.error(
                Code.FM063,
                "port "
                    + spec.port()
                    + " of app `"
                    + name
                    + "` is already the port of app `"
                    + owner
                    + "` at "
                    + owned.get(spec.port()),
                spec.portAt(),
                "give each local app its own port");
          }
        });
  }

  private Map<String, String> procfile(AppBlock app, String dir, SourceRange dirAt) {
    Path folder;
    try {
      folder = app.baseDir().resolve(dir).normalize();
    } catch (InvalidPathException e) {
      diags.error(
          Code.FM061,
          "local folder `" + dir + "` of app `" + app.app() + "` is not a path: " + e.getReason(),
          dirAt,
          "`dir` is a folder relative to the config file, such as `./app`");
      return null;
    }
    if (!Files.isDirectory(folder)) {
      diags.error(
          Code.FM061,
          "local folder `" + dir + "` of app `" + app.app() + "` does not exist",
          dirAt,
          "`dir` is relative to the folder of the config file");
      return null;
    }
    Path file = folder.resolve("Procfile");
    dev.formation.config.Procfile procfile;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_PROCFILE_BYTES) {
        diags.error(
            Code.FM061,
            "the Procfile in `" + dir + "` of app `" + app.app() + "` is over 64 KiB",
            dirAt,
            "a Procfile holds one short `type: command` line per process type");
        return null;
      }
      if (!Files.isRegularFile(file)) {
        diags.error(
            Code.FM061,
            "local folder `" + dir + "` of app `" + app.app() + "` holds no Procfile",
            dirAt,
            "create `" + dir + "/Procfile` with one `type: command` line per process type");
        return null;
      }
      procfile = dev.formation.config.Procfile.parse(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      diags.error(
          Code.FM061,
          "cannot read the Procfile in `" + dir + "` of app `" + app.app() + "`",
          dirAt,
          "the Procfile must be readable UTF-8 text");
      return null;
    }
    if (!procfile.problems().isEmpty()) {
      diags.error(
          Code.FM061,
          "the Procfile in `"
              + dir
              + "` of app `"
              + app.app()
              + "` cannot be registered: "
              + String.join("; ", procfile.problems()),
          dirAt,
          "each line of a Procfile is `type: command`, one line per process type");
      return null;
    }
    List<String> defined = new ArrayList<>(procfile.commands().keySet());
    Collections.sort(defined);
    for (Map.Entry<String, SourceRange> p : app.processes().entrySet()) {
      if (!procfile.has(p.getKey())) {
        String hint = DidYouMean.didYouMean(p.getKey(), defined);
        diags.error(
            Code.FM062,
            "process type `"
                + p.getKey()
                + "` of app `"
                + app.app()
                + "` is not in `"
                + dir
                + "/Procfile`",
            p.getValue(),
            hint != null
                ? hint
                : defined.isEmpty()
                    ? "the Procfile defines no process type"
                    : "the Procfile defines: " + String.join(", ", defined));
      }
    }
    return procfile.commands();
  }
}
