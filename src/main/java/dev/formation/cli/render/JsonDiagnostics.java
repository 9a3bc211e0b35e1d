package dev.formation.cli.render;

import dev.formation.diag.Diagnostic;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Diagnostics as JSON, described by {@code schemas/diagnostics.schema.json}: a stable shape for
 * scripts and editors.
 */
public final class JsonDiagnostics {
  /** Bumped only when a field changes meaning or goes away; new fields do not bump it. */
  public static final int FORMAT_VERSION = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonDiagnostics() {}

  /** The whole {@code validate} document. */
  public static String document(boolean valid, List<Diagnostic> diagnostics) {
    ObjectNode root = NODES.objectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("valid", valid);
    root.set("diagnostics", array(diagnostics));
    return MAPPER.writeValueAsString(root) + "\n";
  }

  /** The diagnostics array alone, for other commands' JSON documents. */
  public static ArrayNode array(List<Diagnostic> diagnostics) {
    ArrayNode array = NODES.arrayNode();
    for (Diagnostic d : diagnostics) {
      ObjectNode o = array.addObject();
      o.put("severity", d.severity().word());
      o.put("code", d.code());
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
}
