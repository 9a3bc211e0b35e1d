package dev.formation.cli.render;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The diff and drift schemas in {@code schemas/}, for tests that check JSON output against them.
 */
public final class DiffSchema {
  private DiffSchema() {}

  /** The complaints of {@code schemas/<file>} about {@code json}; empty when it is valid. */
  public static List<String> errors(String file, String json) {
    try (InputStream in = Files.newInputStream(Path.of("schemas", file))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(in)
          .validate(json, InputFormat.JSON)
          .stream()
          .map(Error::toString)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
