package dev.formation.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas under {@code schemas/}, loaded from the work tree: a {@code $ref} to another of them
 * by its {@code $id} ({@code https://formation.dev/schemas/NAME}) reads the file, never the
 * network.
 */
public final class JsonSchemas {
  private static final String BASE = "https://formation.dev/schemas/";
  private static final JsonMapper MAPPER = JsonMapper.shared();
  private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemas(
                  iri -> iri.startsWith(BASE) ? read(iri.substring(BASE.length())) : null));

  private JsonSchemas() {}

  /** The complaints of {@code schemas/NAME} about {@code json}; empty when it is valid. */
  public static List<String> errors(String name, String json) {
    Schema schema =
        LOADED.computeIfAbsent(name, n -> REGISTRY.getSchema(SchemaLocation.of(BASE + n)));
    return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /**
   * Each closed object of {@code json} with one field added that no schema names: every one must be
   * refused by {@code schemas/NAME}, or the schema accepts what it does not describe. Returns the
   * JSON pointers of the objects whose added field was accepted; {@code open} says which pointers
   * are maps with free keys (none is tried there).
   */
  public static List<String> acceptsUnknownFields(
      String name, String json, Predicate<String> open) {
    JsonNode root = MAPPER.readTree(json);
    List<String> pointers = new ArrayList<>();
    objects(root, "", pointers);
    List<String> accepted = new ArrayList<>();
    for (String pointer : pointers) {
      if (open.test(pointer)) {
        continue;
      }
      JsonNode copy = root.deepCopy();
      ObjectNode target = (ObjectNode) (pointer.isEmpty() ? copy : copy.at(pointer));
      target.put("field_no_schema_names", true);
      if (errors(name, MAPPER.writeValueAsString(copy)).isEmpty()) {
        accepted.add(pointer.isEmpty() ? "/" : pointer);
      }
    }
    return accepted;
  }

  private static void objects(JsonNode node, String pointer, List<String> found) {
    if (node instanceof ObjectNode object) {
      found.add(pointer);
      for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        objects(
            e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), found);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        objects(array.get(i), pointer + "/" + i, found);
      }
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of("schemas", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
