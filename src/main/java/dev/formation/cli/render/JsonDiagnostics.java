package dev.formation.cli.render;

import dev.formation.diag.Diagnostic;
import dev.formation.planfile.DiagnosticJson;
import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private JsonDiagnostics() {}

  /** The whole {@code validate} document. */
  public static String document(boolean valid, List<Diagnostic> diagnostics) {
    ObjectNode root = NODES.objectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("valid", valid);
    root.set("diagnostics", array(diagnostics));
    return write(root);
  }

  /** Pretty JSON as people write it: 2-space indent, {@code "key": value}, a final newline. */
  public static String write(JsonNode node) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    return MAPPER.writer().with(printer).writeValueAsString(node) + "\n";
  }

  /** The diagnostics array alone, for other commands' JSON documents. */
  public static ArrayNode array(List<Diagnostic> diagnostics) {
    return DiagnosticJson.array(diagnostics);
  }
}
