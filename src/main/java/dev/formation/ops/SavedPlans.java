package dev.formation.ops;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.planfile.PlanFile;
import dev.formation.planfile.PlanFileException;
import dev.formation.planfile.SavedPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where saved plans are written and read, with every failure an {@code FM131} diagnostic. */
final class SavedPlans {
  private SavedPlans() {}

  /**
   * Whether {@code file} may receive a plan: its folder exists and, if it exists, it is a regular
   * file and not a symbolic link (a device, a FIFO or a folder would be replaced or written
   * through). Checked before planning, so a bad path costs no platform request.
   *
   * @param shown the path as the user gave it
   */
  static boolean checkTarget(Path file, Path shown, Diagnostics diagnostics) {
    Path dir = file.toAbsolutePath().getParent();
    String why = null;
    if (dir == null || !Files.isDirectory(dir)) {
      why = "its folder " + dir + " does not exist";
    } else if (Files.isSymbolicLink(file)) {
      why = "it is a symbolic link; formation writes plans only to regular files it can replace";
    } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      why =
          Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
              ? "it is a folder"
              : "it is not a regular file (a device, a FIFO or a socket)";
    }
    if (why == null) {
      return true;
    }
    diagnostics.error(
        Code.FM131,
        "cannot save the plan to " + shown + ": " + why,
        null,
        "name a new or existing regular file in an existing folder, e.g. --out plan.json");
    return false;
  }

  static boolean write(Path file, Path shown, SavedPlan saved, Diagnostics diagnostics) {
    if (!checkTarget(file, shown, diagnostics)) {
      return false;
    }
    try {
      PlanFile.write(file, saved);
      return true;
    } catch (IOException e) {
      diagnostics.error(
          Code.FM131,
          "cannot save the plan to " + shown + ": " + reason(e),
          null,
          "check that the folder is writable");
      return false;
    }
  }

  /** The saved plan at {@code file}, or {@code null} after an {@code FM131} diagnostic. */
  static SavedPlan read(Path file, Path shown, Diagnostics diagnostics) {
    try {
      return PlanFile.read(file);
    } catch (PlanFileException e) {
      diagnostics.error(Code.FM131, e.getMessage(), null, hint(e, shown));
      return null;
    }
  }

  private static String hint(PlanFileException e, Path shown) {
    if (e.getCause() instanceof NoSuchFileException) {
      return "make one with `formation plan --out " + shown + "`";
    }
    String name = shown.getFileName() == null ? "" : shown.getFileName().toString();
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return "this looks like a config file; apply it with `formation apply -f " + shown + "`";
    }
    return "a saved plan is the JSON file `formation plan --out FILE` writes";
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
