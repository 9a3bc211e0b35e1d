package dev.formation.ops;

import dev.formation.diag.Diagnostics;
import dev.formation.planfile.SavedPlan;
import java.nio.file.Path;

/**
 * {@code formation show PLANFILE}: a saved plan read back as {@code apply} reads it (its digest and
 * schema checked, so a file edited by hand is refused), without reading any platform or changing
 * anything.
 */
public final class ShowOperation {
  /**
   * @param planFile the saved plan as the user named it
   * @param workDir what a relative {@code planFile} resolves against
   */
  public record Request(Path planFile, Path workDir) {}

  /**
   * @param saved the saved plan, or {@code null} when it could not be read or was refused
   */
  public record Result(SavedPlan saved, Diagnostics diagnostics) {}

  public Result run(Request request) {
    Diagnostics diagnostics = new Diagnostics();
    Path file = request.workDir().resolve(request.planFile());
    SavedPlan saved = SavedPlans.read(file, request.planFile(), diagnostics);
    return new Result(saved, diagnostics);
  }
}
