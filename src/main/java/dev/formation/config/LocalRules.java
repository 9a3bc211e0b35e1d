package dev.formation.config;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.DidYouMean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The rules of the {@code local} block: present exactly for local apps, a Procfile that fits. */
final class LocalRules {
  /** A Procfile longer than this is not a Procfile; refuse to read it whole. */
  private static final long MAX_PROCFILE_BYTES = 64 * 1024;

  private final Diagnostics diags;

  LocalRules(Diagnostics diags) {
    this.diags = diags;
  }

  /**
   * Checks the app's local block and returns its Procfile's commands (type → command, in file
   * order), or {@code null} when there is no readable Procfile to take them from.
   */
  Map<String, String> check(Drafts.App app) {
    if (app.platform() == null) {
      return null;
    }
    boolean local = app.platform().word().equals("local");
    if (local && app.local() == null) {
      diags.error(
          Code.FM060,
          "app `" + app.name() + "` has `platform: local` but no `local` block",
          app.at(),
          "add `local: {dir: ./app, port: 5000}`: the folder with the Procfile and a router port");
    } else if (!local && app.local() != null) {
      diags.error(
          Code.FM060,
          "`local` is only for `platform: local` apps; app `"
              + app.name()
              + "` is on "
              + app.platform().word(),
          app.local().at(),
          "remove the `local` block, or set `platform: local`");
    } else if (local && app.local().dir() != null && app.baseDir() != null) {
      return procfile(app);
    }
    return null;
  }

  private Map<String, String> procfile(Drafts.App app) {
    String dir = app.local().dir();
    Path folder;
    try {
      folder = app.baseDir().resolve(dir).normalize();
    } catch (InvalidPathException e) {
      diags.error(
          Code.FM061,
          "local folder `" + dir + "` of app `" + app.name() + "` is not a path: " + e.getReason(),
          app.local().dirAt(),
          "`dir` is a folder relative to the config file, such as `./app`");
      return null;
    }
    if (!Files.isDirectory(folder)) {
      diags.error(
          Code.FM061,
          "local folder `" + dir + "` of app `" + app.name() + "` does not exist",
          app.local().dirAt(),
          "`dir` is relative to the folder of the config file");
      return null;
    }
    Path file = folder.resolve("Procfile");
    Procfile procfile;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_PROCFILE_BYTES) {
        diags.error(
            Code.FM061,
            "the Procfile in `" + dir + "` of app `" + app.name() + "` is over 64 KiB",
            app.local().dirAt(),
            "a Procfile holds one short `type: command` line per process type");
        return null;
      }
      if (!Files.isRegularFile(file)) {
        diags.error(
            Code.FM061,
            "local folder `" + dir + "` of app `" + app.name() + "` holds no Procfile",
            app.local().dirAt(),
            "create `" + dir + "/Procfile` with one `type: command` line per process type");
        return null;
      }
      procfile = Procfile.parse(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      diags.error(
          Code.FM061,
          "cannot read the Procfile in `" + dir + "` of app `" + app.name() + "`",
          app.local().dirAt(),
          "the Procfile must be readable UTF-8 text");
      return null;
    }
    if (!procfile.problems().isEmpty()) {
      diags.error(
          Code.FM061,
          "the Procfile in `"
              + dir
              + "` of app `"
              + app.name()
              + "` cannot be registered: "
              + String.join("; ", procfile.problems()),
          app.local().dirAt(),
          "each line of a Procfile is `type: command`, one line per process type");
      return null;
    }
    List<String> defined = new ArrayList<>(procfile.commands().keySet());
    Collections.sort(defined);
    for (Drafts.Process p : app.processes()) {
      if (!procfile.has(p.type())) {
        String hint = DidYouMean.didYouMean(p.type(), defined);
        diags.error(
            Code.FM062,
            "process type `"
                + p.type()
                + "` of app `"
                + app.name()
                + "` is not in `"
                + dir
                + "/Procfile`",
            p.typeAt(),
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
