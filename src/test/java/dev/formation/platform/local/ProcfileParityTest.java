package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.state.Procfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon refuses what {@code validate} refuses: the Procfile the daemon registers from ({@code
 * state.Procfile}, read by {@code PUT /apps/NAME}) and the one {@code validate} checks a local
 * app's folder with ({@code config.Procfile} in {@code LocalRules}) give the same answer, accepted
 * with the same commands or refused, for every Procfile here.
 */
class ProcfileParityTest {
  @TempDir Path dir;

  private static final Map<String, String> CASES = new LinkedHashMap<>();

  static {
    CASES.put("plain", "web: exec sleep 600\nworker: exec sleep 601\n");
    CASES.put("crlf", "web: exec sleep 600\r\nworker: exec sleep 601\r\n");
    CASES.put("comments and blanks", "# a comment\n\n  web:exec sleep 1  \n\t\n");
    CASES.put("dashes and digits", "web-2: a\nclock_1: b\n");
    CASES.put("colon in the command", "web: python3 -m http.server $PORT --bind 127.0.0.1:8\n");
    CASES.put("duplicate type", "web: a\nworker: b\nweb: c\n");
    CASES.put("empty command", "web:\nworker: b\n");
    CASES.put("blank command", "web:    \t\nworker: b\n");
    CASES.put("not a type: command line", "web: a\njust words\n");
    CASES.put("type with a dot", "web.1: a\n");
    CASES.put("type with a space", "my web: a\n");
    CASES.put("type with a non-ASCII letter", "wéb: a\n");
    CASES.put("type of 129 characters", "w".repeat(129) + ": a\n");
    CASES.put("type of 128 characters", "w".repeat(128) + ": a\n");
    CASES.put("a lone carriage return inside a line", "web: a\rworker: b\n");
    CASES.put("only comments", "# nothing\n");
    CASES.put("empty", "");
    CASES.put("a NUL in a command", "web: a\u0000b\n");
    CASES.put("leading spaces before the type", "   web: a\n");
  }

  @Test
  void theDaemonAndValidate_acceptAndRefuseTheSameProcfiles() throws IOException {
    for (Map.Entry<String, String> c : CASES.entrySet()) {
      Files.writeString(dir.resolve("Procfile"), c.getValue());
      dev.formation.config.Procfile validated = dev.formation.config.Procfile.parse(c.getValue());
      // validate refuses a problem line, and a Procfile without a type for any listed process
      boolean validateAccepts = validated.problems().isEmpty() && !validated.commands().isEmpty();
      Map<String, String> registered;
      try {
        registered = Procfile.read(dir);
      } catch (Procfile.Unreadable e) {
        registered = null;
      }
      assertThat(registered != null)
          .as("%s: the daemon accepts it exactly when validate does (%s)", c.getKey(), validated)
          .isEqualTo(validateAccepts);
      if (registered != null) {
        assertThat(registered).as(c.getKey()).containsExactlyEntriesOf(validated.commands());
      }
    }
  }

  @Test
  void aProcfileOver64KiB_isRefusedByBoth_unread() throws IOException {
    String big = "web: " + "x".repeat((int) Procfile.MAX_BYTES) + "\n";
    Files.writeString(dir.resolve("Procfile"), big);

    assertThat(LocalRules.MAX_PROCFILE_BYTES).isEqualTo(Procfile.MAX_BYTES).isEqualTo(64 * 1024);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Procfile.read(dir))
        .isInstanceOf(Procfile.Unreadable.class)
        .hasMessageContaining("over 64 KiB");
  }

  @Test
  void aProcfileThatIsNotUtf8_isRefusedByTheDaemon_asValidateCannotReadIt() throws IOException {
    Files.write(dir.resolve("Procfile"), new byte[] {'w', 'e', 'b', ':', ' ', (byte) 0xff, '\n'});

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Procfile.read(dir))
        .isInstanceOf(Procfile.Unreadable.class);
  }
}
