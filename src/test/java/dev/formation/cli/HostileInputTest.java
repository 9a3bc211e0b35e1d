package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.formation.testing.CliRunner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input meant to hurt: every case must end in a diagnostic and exit 1, quickly, allocating a
 * bounded amount of memory, and never with a stack trace.
 */
class HostileInputTest {
  private static final long MAX_ALLOCATED_BYTES = 16L * 1024 * 1024;

  @TempDir Path dir;

  @BeforeAll
  static void warmUp(@TempDir Path warm) throws IOException {
    // Class loading and schema compilation happen once per run; measure the input, not them.
    Files.writeString(warm.resolve("formation.yaml"), "version: 1\napps: {}\n");
    CliRunner.in(warm).exec("validate");
  }

  static Stream<Arguments> cases() {
    StringBuilder bomb =
        new StringBuilder("version: 1\nx-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    String previous = "a";
    for (String next : new String[] {"b", "c", "d", "e", "f", "g", "h", "i"}) {
      bomb.append("x-").append(next).append(": &").append(next).append(" [");
      bomb.append(("*" + previous + ", ").repeat(8)).append("*").append(previous).append("]\n");
      previous = next;
    }
    bomb.append("apps: {}\n");
    StringBuilder deep = new StringBuilder("version: 1\napps:\n");
    for (int i = 0; i < 500; i++) {
      deep.append("  ".repeat(i + 1)).append("a:\n");
    }
    return Stream.of(
        Arguments.of("yaml bomb", bomb.toString(), "FM004"),
        Arguments.of("deep block nesting", deep.toString(), "FM004"),
        Arguments.of("deep flow nesting", "version: 1\nx: " + "[".repeat(5000) + "\n", "FM004"),
        Arguments.of("tab indentation", "version: 1\napps:\n\tshop:\n\t\tprocesses: {}\n", "FM002"),
        Arguments.of("empty file", "", "FM005"),
        Arguments.of("only comments", "# nothing here\n", "FM005"),
        Arguments.of(
            "package.json",
            "{\n"
                + "  \"name\": \"shop\",\n"
                + "  \"version\": \"1.0.0\",\n"
                + "  \"scripts\": {\"start\": \"node .\"}\n"
                + "}\n",
            "FM013"),
        Arguments.of("duplicate keys", "version: 1\napps: {}\napps: {}\n", "FM003"),
        Arguments.of(
            "number where a string belongs",
            "version: 1\napps:\n  shop:\n    processes:\n      web: {size: 2, quantity: 1}\n",
            "FM011"),
        Arguments.of(
            "quantity 1e9",
            "version: 1\napps:\n  shop:\n    processes:\n      web: {size: eco, quantity: 1e9}\n",
            "FM040"),
        Arguments.of(
            "negative quantity",
            "version: 1\napps:\n  shop:\n    processes:\n      web: {size: eco, quantity: -3}\n",
            "FM040"),
        Arguments.of(
            "size null",
            "version: 1\napps:\n  shop:\n    processes:\n      web: {size: null, quantity: 1}\n",
            "FM011"),
        Arguments.of("unclosed quote", "version: 1\napps: \"shop\n", "FM002"),
        Arguments.of("undefined alias", "version: 1\napps: *nowhere\n", "FM002"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileText_givesADiagnosticAndExit1(String name, String text, String code)
      throws IOException {
    Files.writeString(dir.resolve("formation.yaml"), text, StandardCharsets.UTF_8);

    CliRunner.Result r = runBounded();

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertThat(r.out()).as("%s", r).contains("error[" + code + "]");
    assertThat(r.err()).as("%s", r).isEmpty();
  }

  @Test
  void fiftyMegabyteFile_isRefusedWithoutReadingIt() throws IOException {
    ByteBuffer chunk = ByteBuffer.wrap("x-pad: 0123456789abcdef\n".repeat(43_690).getBytes());
    try (FileChannel ch =
        FileChannel.open(
            dir.resolve("formation.yaml"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (int i = 0; i < 50; i++) {
        ch.write(chunk.rewind());
      }
    }

    long before = allocatedBytes();
    CliRunner.Result r = runBounded();
    long allocated = allocatedBytes() - before;

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("error[FM001]", "at most 1 MiB");
    assertThat(allocated).as("bytes allocated").isLessThan(8L * 1024 * 1024);
  }

  @Test
  void binaryGarbage_isFM001() throws IOException {
    byte[] garbage = new byte[64 * 1024];
    new Random(42).nextBytes(garbage);
    Files.write(dir.resolve("formation.yaml"), garbage);

    CliRunner.Result r = runBounded();

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("error[FM001]", "not UTF-8 text");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void controlCharactersInUtf8_areASyntaxError() throws IOException {
    Files.writeString(dir.resolve("formation.yaml"), "version: 1\napps: \u0007\u0008\n");

    CliRunner.Result r = runBounded();

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("error[FM002]");
  }

  private CliRunner.Result runBounded() {
    long before = allocatedBytes();
    CliRunner.Result r =
        assertTimeout(Duration.ofSeconds(1), () -> CliRunner.in(dir).exec("validate"));
    assertThat(allocatedBytes() - before).as("bytes allocated").isLessThan(MAX_ALLOCATED_BYTES);
    return r;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
