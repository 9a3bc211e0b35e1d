package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar under a C locale: output to a pipe is UTF-8 (Java 17 alone would print {@code
 * ?}), JSON is valid UTF-8, and a terminal that cannot show UTF-8 gets plain ASCII.
 */
class LocaleIT {
  private static final Path JAR = Path.of("target", "formation.jar").toAbsolutePath();

  @TempDir Path dir;

  @BeforeEach
  void config() throws IOException {
    Files.writeString(
        dir.resolve("formation.yaml"),
        "version: 1\napps:\n  shop:\n    processes:\n      web: {size: \"ℙerformance-m\", quantity: 1}\n");
  }

  private byte[] run(List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("LANG", "C");
    pb.environment().put("LC_ALL", "C");
    pb.environment().remove("LC_CTYPE");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  @Test
  void cLocale_pipedTextAndJson_areUtf8() throws Exception {
    for (String format : new String[] {"text", "json", "github"}) {
      byte[] out = run(List.of("java", "-jar", JAR.toString(), "validate", "--format", format));

      assertThat(strictUtf8(out))
          .as(format)
          .contains("ℙerformance-m")
          .doesNotContain("?erformance");
    }
  }

  @Test
  void cLocale_onATerminal_isPlainAscii() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) makes a terminal");
    List<String> command = new ArrayList<>(List.of("/usr/bin/script", "-qec"));
    command.add("java -jar '" + JAR + "' validate");
    command.add("/dev/null");

    String out = strictUtf8(run(command));

    assertThat(out).contains("unknown size `\\u2119erformance-m`");
    assertThat(out.chars().allMatch(c -> c < 0x80)).as(out).isTrue();
  }
}
