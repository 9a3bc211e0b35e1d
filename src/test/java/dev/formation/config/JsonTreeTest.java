package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The schema is read without a mapper into the very tree {@code readTree} makes. */
class JsonTreeTest {
  @Test
  void read_ofEverySchemaFile_equalsJacksonsReadTree() throws IOException {
    for (String name :
        List.of("formation.schema.json", "plan.schema.json", "diagnostics.schema.json")) {
      byte[] bytes = Files.readAllBytes(Path.of("schemas", name));
      assertThat(JsonTree.read(new ByteArrayInputStream(bytes)))
          .as(name)
          .isEqualTo(JsonMapper.shared().readTree(bytes));
    }
  }

  @Test
  void read_keepsNumberKindsAndLiterals() {
    String json =
        "{\"i\":1,\"l\":10000000000,\"b\":123456789012345678901234567890,\"d\":1.5,"
            + "\"t\":true,\"f\":false,\"n\":null,\"a\":[\"x\",[]],\"o\":{}}";

    assertThat(JsonTree.read(stream(json))).isEqualTo(JsonMapper.shared().readTree(json));
  }

  @Test
  void read_ofBrokenJson_fails() {
    assertThatThrownBy(() -> JsonTree.read(stream("{\"a\":"))).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> JsonTree.read(stream("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
