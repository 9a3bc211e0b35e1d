package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the platform reaches the terminal escaped: an API error message with a colour code, an
 * OSC title sequence, a BEL and a carriage return, and type and size names with escapes, in every
 * format, with colour on (where formation's own colour codes must still pass).
 */
class ForeignTextTest {
  private static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[31mboom\r\u001b[2Kgone";
  private static final Environment.Terminal TERMINAL =
      new Environment.Terminal() {
        @Override
        public boolean interactive() {
          return true;
        }

        @Override
        public String readLine(String prompt) {
          return null;
        }
      };

  @TempDir Path dir;
  private FakeHeroku heroku;

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    heroku.addApp("shop", "cedar").process("web", "standard-1x", 1);
    Files.writeString(
        dir.resolve("formation.yaml"),
        "version: 1\napps:\n  shop:\n    processes:\n      web: {size: standard-1x, quantity: 2}\n");
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  private CliRunner.Result run(String... args) {
    return CliRunner.in(dir, heroku.env(), TERMINAL).exec(args);
  }

  @Test
  void apiErrorMessageWithTerminalEscapes_isShownEscapedInEveryFormat() {
    String body = "{\"id\": \"invalid_params\", \"message\": \"" + json(HOSTILE) + "\"}";
    for (String format : new String[] {"text", "markdown", "json"}) {
      heroku.inject(FakeFault.answer(422, body, Map.of()));

      CliRunner.Result r = run("plan", "--format", format);

      String all = r.out() + r.err();
      assertThat(all).as(format).doesNotContain("\u001b]", "\u0007", "\r", "\u001b[2K");
      if (!format.equals("json")) {
        assertThat(all)
            .as(format)
            .contains("\\u001b]0;pwned\\u0007\\u001b[31mboom\\r\\u001b[2Kgone");
      }
    }
  }

  @Test
  void typeAndSizeNamesFromTheApi_areShownEscaped_whileOwnColoursPass() {
    heroku.addApp("cart", "cedar");
    String list =
        "[{\"app\": {\"id\": \"01234567-89ab-cdef-0123-456789abcdef\", \"name\": \"shop\"},"
            + " \"type\": \"web\", \"quantity\": 1, \"dyno_size\": {\"name\": \"Standard-1X\"}},"
            + " {\"type\": \"cl\\u001b[8mock\", \"quantity\": 1,"
            + " \"dyno_size\": {\"name\": \"Std\\u0007\"}}]";
    heroku.inject(FakeFault.answer(200, list, Map.of()).on("GET", "/apps/shop/formation"));

    CliRunner.Result r = run("plan");

    assertThat(r.out()).contains("cl\\u001b[8mock", "Std\\u0007").doesNotContain("\u0007");
    assertThat(r.out()).contains("\u001b[33m~\u001b[0m"); // formation's own colour, raw
    assertThat(r.out()).doesNotContain("\u001b[8m");
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }
}
