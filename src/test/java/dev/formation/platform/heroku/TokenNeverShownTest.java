package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token never shows: every command that talks to the platform, in every format, with {@code
 * --debug}, with a saved plan, and against an API that echoes the token in its error messages,
 * prints it nowhere and writes it into no file.
 */
class TokenNeverShownTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop-production:
          processes:
            web: {size: performance-m, autoscale: {min: 2, max: 8, p95_ms: 500}}
            worker: {size: standard-2x, quantity: 3}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private String token;
  private final List<String> outputs = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    token = heroku.token();
    heroku.addApp("shop-production", "cedar").process("web", "standard-1x", 1);
    heroku.app("shop-production").process("worker", "standard-1x", 1);
    Files.writeString(dir.resolve("formation.yaml"), CONFIG);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  private CliRunner.Result run(String... args) {
    CliRunner.Result r =
        CliRunner.in(
                dir,
                Map.of("HEROKU_HOST", heroku.url(), "HEROKU_API_KEY", token),
                Environment.Terminal.NONE)
            .exec(args);
    outputs.add(String.join(" ", args) + "\n" + r.out() + r.err());
    return r;
  }

  @Test
  void everyCommandAndFormat_printsAndWritesTheTokenNowhere() throws IOException {
    for (String format : List.of("text", "json", "github")) {
      run("validate", "--format", format);
    }
    for (String format : List.of("text", "json", "markdown")) {
      run("plan", "--format", format);
      run("plan", "--format", format, "--debug");
      run("drift", "--format", format);
      run("drift", "--format", format, "--debug");
    }
    assertThat(run("plan", "--out", "saved.plan", "--debug").exitCode()).isIn(0, 2);
    assertThat(run("apply", "saved.plan", "--debug").exitCode()).isZero();
    run("import", "shop-production");
    run("import", "shop-production", "--debug");
    run("apply", "--auto-approve", "--debug");

    // An API that echoes the token in its error messages.
    String echo = "{\"id\": \"forbidden\", \"message\": \"token " + token + " may not do this\"}";
    heroku.inject(FakeFault.answer(403, echo, Map.of()).times(20));
    run("plan", "--debug");
    heroku.inject(FakeFault.answer(403, echo, Map.of()).times(20));
    run("drift", "--format", "json", "--debug");
    heroku.inject(FakeFault.answer(403, echo, Map.of()).times(20));
    run("import", "shop-production", "--debug");

    int appearances = 0;
    for (String output : outputs) {
      appearances += count(output, token);
    }
    List<Path> files = writtenFiles();
    for (Path f : files) {
      appearances += count(Files.readString(f, StandardCharsets.ISO_8859_1), token);
    }
    System.out.println(
        "token appearances: "
            + appearances
            + " in "
            + outputs.size()
            + " command outputs and "
            + files.size()
            + " written files");
    assertThat(String.join("\n", outputs)).contains("[REDACTED]").doesNotContain(token);
    assertThat(files)
        .extracting(Path::getFileName)
        .extracting(Path::toString)
        .contains("saved.plan");
    assertThat(appearances).isZero();
  }

  private List<Path> writtenFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static int count(String text, String token) {
    int n = 0;
    for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      n++;
    }
    return n;
  }
}
