package dev.formation.planfile;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.Severity;
import dev.formation.diag.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Diagnostics as JSON, the one shape of every document that carries them ({@code
 * schemas/diagnostics.schema.json}): {@code validate --format json}, each app of a plan, a saved
 * plan.
 */
public final class DiagnosticJson {
  private DiagnosticJson() {}

  /** An array of diagnostics, each {@code severity, code, message, file, line, column, hint}. */
  public static ArrayNode array(List<Diagnostic> diagnostics) {
    ArrayNode array = PlanJson.MAPPER.createArrayNode();
    for (Diagnostic d : diagnostics) {
      ObjectNode o = array.addObject();
      o.put("severity", d.severity().word());
      o.put("code", d.code().name());
      o.put("message", d.message());
      if (d.range() == null) {
        o.putNull("file");
        o.putNull("line");
        o.putNull("column");
      } else {
        o.put("file", d.range().file());
        o.put("line", d.range().line());
        o.put("column", d.range().column());
      }
      if (d.hint() == null) {
        o.putNull("hint");
      } else {
        o.put("hint", d.hint());
      }
    }
    return array;
  }

  /** Reads what {@link #array} wrote. */
  static List<Diagnostic> read(JsonField n) throws PlanFileException {
    List<Diagnostic> list = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonField d = n.at(i);
      JsonField codeField = d.get("code");
      Code code;
      Severity severity;
      try {
        code = Code.valueOf(codeField.string());
        severity = Severity.valueOf(d.get("severity").string().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw d.error("unknown code or severity");
      }
      SourceRange range = null;
      if (!d.get("file").isNull()) {
        int line = d.get("line").intValue();
        int column = d.get("column").intValue();
        if (line < 1 || column < 1) {
          throw d.error("line and column start at 1");
        }
        range = SourceRange.at(d.get("file").string(), line, column);
      }
      list.add(
          new Diagnostic(
              severity, code, d.get("message").string(), range, d.get("hint").stringOrNull()));
    }
    return list;
  }

  /**
   * The errors of an app in a plan saved before they carried codes: its {@code errors} messages,
   * each given the code its wording was written for.
   */
  static List<Diagnostic> fromMessages(List<String> errors) {
    List<Diagnostic> list = new ArrayList<>();
    for (String message : errors) {
      Code code =
          message.startsWith("cannot read app ")
              ? Code.FM120
              : message.startsWith("unmanaged process type ") ? Code.FM094 : Code.FM093;
      list.add(Diagnostic.error(code, message, null, null));
    }
    return list;
  }
}
