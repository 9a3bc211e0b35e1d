package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile file that ever failed, kept under {@code src/test/resources/hostile/}: the ones
 * reported in issue 10 (named for the code they must give) and the generated ones that once broke a
 * property of {@link HostileConfigPropertiesTest} (named for their seed). Each must pass the same
 * properties; a file named {@code FMnnn-*.yaml} must also give that code.
 */
class HostileConfigRegressionTest {
  @TempDir Path dir;

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
    }
  }

  private static Path folder() throws URISyntaxException {
    return Path.of(HostileConfigRegressionTest.class.getResource("/hostile").toURI());
  }

  @BeforeEach
  void appFolder() throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Procfile"), "web: ./web\nworker: ./worker\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void onceFailingFile_keepsEveryProperty(String name) throws Exception {
    String text = Files.readString(folder().resolve(name), StandardCharsets.UTF_8);

    String problem =
        HostileConfigPropertiesTest.check(dir, text, new HostileConfigPropertiesTest.Outcomes());

    assertThat(problem).as("%s\n%s", name, text).isNull();
    if (name.matches("FM\\d{3}-.*")) {
      CliRunner.Result r = CliRunner.in(dir).exec("validate", "--format", "json");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.out()).contains("\"code\": \"" + name.substring(0, 5) + "\"");
    }
  }
}
