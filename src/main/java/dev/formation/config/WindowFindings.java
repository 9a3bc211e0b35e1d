package dev.formation.config;

import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;

/** The schema's findings about windows, in the words of the schedule diagnostics. */
final class WindowFindings {
  static final String MISSING_HINT =
      "a window needs `name`, `days`, `from` and `to`, and a `quantity` or `autoscale`";

  private WindowFindings() {}

  /** A value the schema's {@code pattern} refused: a window's name, from or to. */
  static void pattern(TreePath at, YNode node, SourceRange where, Diagnostics diags) {
    String written = node instanceof YScalar s ? s.text() : "?";
    TreePath window = new TreePath(at.steps().subList(0, Math.max(0, at.size() - 1)));
    switch (at.last()) {
      case "name" ->
          diags.error(
              Code.FM074,
              "invalid window name `" + written + "` " + Places.in(window),
              where,
              "a window name is 1 to 63 lower-case letters, digits and dashes, starting with a"
                  + " letter");
      case "from", "to" ->
          diags.error(
              Code.FM072,
              "`"
                  + at.last()
                  + "` "
                  + Places.in(window)
                  + " is `"
                  + written
                  + "`, not a time of day as HH:MM",
              where,
              written.matches("\\d:\\d{2}")
                  ? "write two digits for the hour: `" + at.last() + ": \"0" + written + "\"`"
                  : "write a local time as HH:MM in quotes, e.g. `" + at.last() + ": \"08:00\"`");
      default ->
          diags.error(Code.FM011, Places.field(at) + " is not written as expected", where, null);
    }
  }
}
