package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The one schema file editors get says what the installed platforms accept: its {@code platform}
 * words are exactly those of the providers formation ships, the default first, and every block key
 * a shipped provider owns is an app property of the schema (its contents are checked by the
 * provider's own reader against the same file, in its tests). A platform installed only in the test
 * sources ({@code memory}) is not in the file and still validates.
 */
class SchemaPlatformsTest {
  private static final Path SHIPPED =
      Path.of("src", "main", "resources", "META-INF", "services", PlatformKind.class.getName());

  /** The app properties that belong to the core, not to a platform. */
  private static final Set<String> CORE_KEYS =
      Set.of("platform", "prune", "processes", "timezone", "guardrails");

  private final JsonNode app = SchemaCheck.schemaJson().get("$defs").get("app");

  @Test
  void platformEnum_isTheShippedProvidersWords_theDefaultFirst() throws IOException {
    List<String> words = new ArrayList<>();
    shipped().forEach(k -> words.add(k.word()));

    List<String> listed = new ArrayList<>();
    app.get("properties").get("platform").get("enum").forEach(n -> listed.add(n.asString()));

    assertThat(listed).isEqualTo(words);
    assertThat(app.get("properties").get("platform").get("default").asString())
        .isEqualTo(PlatformKind.byDefault().word())
        .isEqualTo(words.get(0));
  }

  @Test
  void appProperties_areTheCoreKeysAndTheShippedProvidersBlocks() throws IOException {
    Set<String> blocks = new LinkedHashSet<>();
    for (PlatformKind k : shipped()) {
      if (k.blockKey() != null) {
        blocks.add(k.blockKey());
        String description = app.get("properties").get(k.blockKey()).toString();
        assertThat(SchemaCheck.schemaJson().get("$defs").get(k.blockKey()).get("description"))
            .as("the block of %s says whose it is (%s)", k.word(), description)
            .asString()
            .contains("`platform: " + k.word() + "`");
      }
    }
    Set<String> properties = new LinkedHashSet<>(app.get("properties").propertyNames());
    properties.removeAll(CORE_KEYS);

    assertThat(properties).containsExactlyInAnyOrderElementsOf(blocks);
  }

  @Test
  void aTestOnlyProvider_isInstalledButNotInTheFile() throws IOException {
    List<PlatformKind> shipped = shipped();

    assertThat(PlatformKind.all()).containsAll(shipped).hasSizeGreaterThan(shipped.size());
    assertThat(PlatformKind.find("memory")).isPresent();
  }

  /** The installed providers that the main resources register, in their file order. */
  private static List<PlatformKind> shipped() throws IOException {
    List<PlatformKind> found = new ArrayList<>();
    for (String line : Files.readAllLines(SHIPPED)) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      found.add(
          PlatformKind.all().stream()
              .filter(k -> k.getClass().getName().equals(name))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + " is registered but not installed")));
    }
    return found;
  }
}
