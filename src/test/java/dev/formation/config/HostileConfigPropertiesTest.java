package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.HostileYaml;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Properties of {@code validate} over generated hostile files ({@link HostileYaml}), in every
 * format: it exits 0 or 1; every error is a diagnostic with a code, a file, a line and a column; no
 * stack trace or internal "error: " message reaches either stream; text and github output hold no
 * raw control character; each run stays within a time and an allocation bound.
 *
 * <p>{@code -Dformation.hostile.cases=N} and {@code -Dformation.hostile.seed=S} choose the cases; a
 * failure names the seed that reproduces it. Seeds that ever failed are kept as fixed cases in
 * {@link HostileConfigRegressionTest}.
 */
class HostileConfigPropertiesTest {
  static final int CASES = Integer.getInteger("formation.hostile.cases", 400);
  static final long SEED = Long.getLong("formation.hostile.seed", 20_261_202L);

  /** Generous: a run takes milliseconds; this catches a runaway, not a slow machine. */
  static final long MAX_NANOS = 5_000_000_000L;

  static final long MAX_ALLOCATED_BYTES = 64L * 1024 * 1024;

  private static final Pattern TEXT_HEADLINE =
      Pattern.compile("^(\\S[^\\n]*):(\\d+):(\\d+): (error|warning)\\[FM\\d{3}\\]: ", 0);
  private static final Pattern GITHUB_LINE =
      Pattern.compile("^::(error|warning) file=[^,]+,line=\\d+,col=\\d+,title=FM\\d{3}::");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  @BeforeEach
  void appFolder() throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Procfile"), "web: ./web\nworker: ./worker\n");
    Files.writeString(dir.resolve("formation.yaml"), "version: 1\napps: {}\n");
    CliRunner.in(dir).exec("validate"); // class loading and schema compilation, once
  }

  @Test
  void validate_ofGeneratedHostileFiles_exits0Or1WithALocatedDiagnosticPerError()
      throws IOException {
    Outcomes outcomes = new Outcomes();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      long seed = SEED + i;
      String text = HostileYaml.forSeed(seed);
      String problem = check(dir, text, outcomes);
      if (problem != null) {
        failures.add("seed " + seed + ": " + problem + "\n--- formation.yaml\n" + text);
      }
    }
    System.out.println(outcomes.summary());
    assertThat(failures).as("%d of %d cases failed", failures.size(), CASES).isEmpty();
  }

  /** Runs validate on {@code text} in every format; returns what is wrong, or null. */
  static String check(Path dir, String text, Outcomes outcomes) throws IOException {
    Files.writeString(dir.resolve("formation.yaml"), text, StandardCharsets.UTF_8);
    Run json = run(dir, "json");
    Run plain = run(dir, "text");
    Run github = run(dir, "github");
    for (Run r : List.of(json, plain, github)) {
      String common = commonProblem(r);
      if (common != null) {
        return r.format + ": " + common;
      }
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(json.result.out());
    } catch (RuntimeException e) {
      return "json: output is not JSON: " + json.result;
    }
    int errors = 0;
    for (JsonNode d : doc.path("diagnostics")) {
      if (!d.path("code").asString().matches("FM\\d{3}")
          || d.path("file").isNull()
          || d.path("line").asInt() < 1
          || d.path("column").asInt() < 1) {
        return "json: a diagnostic without a code or a place: " + d;
      }
      if (d.path("severity").asString().equals("error")) {
        errors++;
        outcomes.code(d.path("code").asString());
      }
    }
    boolean valid = doc.path("valid").asBoolean();
    if (valid != (json.result.exitCode() == 0) || valid != (errors == 0)) {
      return "json: exit " + json.result.exitCode() + ", valid " + valid + ", errors " + errors;
    }
    String textProblem = textProblem(plain, errors);
    if (textProblem != null) {
      return "text: " + textProblem;
    }
    long annotations = github.result.out().lines().filter(l -> l.startsWith("::error")).count();
    for (String line : github.result.out().split("\n")) {
      if (line.startsWith("::") && !GITHUB_LINE.matcher(line).find()) {
        return "github: an annotation without file, line and col: " + line;
      }
    }
    if (annotations != errors) {
      return "github: " + annotations + " error annotations for " + errors + " errors";
    }
    for (Run r : List.of(json, plain, github)) {
      outcomes.run(r);
    }
    outcomes.exit(json.result.exitCode());
    return null;
  }

  private static String commonProblem(Run r) {
    CliRunner.Result res = r.result;
    if (res.exitCode() != 0 && res.exitCode() != 1) {
      return "exit " + res.exitCode();
    }
    if (!res.err().isEmpty()) {
      return "stderr is not empty: " + res.err();
    }
    String out = res.out();
    if (out.contains("Exception") || out.contains("\tat ") || out.startsWith("error: ")) {
      return "an internal error or stack trace: " + out;
    }
    if (r.nanos > MAX_NANOS) {
      return "took " + r.nanos / 1_000_000 + " ms";
    }
    if (r.allocated > MAX_ALLOCATED_BYTES) {
      return "allocated " + r.allocated + " bytes";
    }
    if (!r.format.equals("json")) {
      for (int i = 0; i < out.length(); i++) {
        char c = out.charAt(i);
        // A tab in a quoted source line is shown as it is, so that the caret lines up.
        boolean tab = c == '\t' && r.format.equals("text");
        if (c != '\n' && !tab && Character.isISOControl(c)) {
          return String.format("a raw control character U+%04X in the output", (int) c);
        }
      }
    }
    return null;
  }

  private static String textProblem(Run plain, int errors) {
    int headlines = 0;
    for (String line : plain.result.out().split("\n")) {
      Matcher m = TEXT_HEADLINE.matcher(line);
      if (m.find()) {
        if (m.group(4).equals("error")) {
          headlines++;
        }
      } else if (line.matches("^\\S.*(error|warning)\\[FM\\d{3}\\].*")) {
        return "a headline without file:line:col: " + line;
      }
    }
    return headlines == errors ? null : headlines + " error headlines for " + errors + " errors";
  }

  private static Run run(Path dir, String format) {
    long before = allocatedBytes();
    long start = System.nanoTime();
    CliRunner.Result r = CliRunner.in(dir).exec("validate", "--format", format);
    return new Run(format, r, System.nanoTime() - start, allocatedBytes() - before);
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  record Run(String format, CliRunner.Result result, long nanos, long allocated) {}

  /** What the generated cases came to, for docs/reliability.md. */
  static final class Outcomes {
    private final Map<Integer, Integer> exits = new TreeMap<>();
    private final Map<String, Integer> codes = new TreeMap<>();
    private int runs;
    private long maxNanos;
    private long maxAllocated;

    void exit(int code) {
      exits.merge(code, 1, Integer::sum);
    }

    void code(String code) {
      codes.merge(code, 1, Integer::sum);
    }

    void run(Run r) {
      runs++;
      maxNanos = Math.max(maxNanos, r.nanos);
      maxAllocated = Math.max(maxAllocated, r.allocated);
    }

    String summary() {
      return "hostile configs: "
          + exits.values().stream().mapToInt(Integer::intValue).sum()
          + " files, "
          + runs
          + " validate runs (text, json, github); exits "
          + exits
          + "; error codes "
          + codes
          + "; slowest run "
          + maxNanos / 1_000_000
          + " ms; most allocated "
          + maxAllocated / 1024
          + " KiB";
    }
  }
}
