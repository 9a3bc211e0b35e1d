package dev.formation.cli.render;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code schemas/plan.schema.json}, which describes the JSON of plan, drift and diff, loaded once
 * for the tests that check output against it.
 */
public final class PlanSchema {
  private static final Schema SCHEMA = load();

  private PlanSchema() {}

  /** The schema's complaints about {@code json}, as readable strings; empty when it is valid. */
  public static List<String> errors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private static Schema load() {
    try (InputStream in = Files.newInputStream(Path.of("schemas", "plan.schema.json"))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
