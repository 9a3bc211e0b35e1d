package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command block of the README (and of the docs that promise commands to paste) runs as
 * pasted: {@code sh}, {@code bash} and {@code console} blocks (of a console block, its {@code $ }
 * lines), in order, each line checked for its exit code (0, or N where its comment says {@code exit
 * N}), in a copy of {@code bin/} and {@code examples/} whose {@code bin/formation} runs the built
 * jar, with a temporary {@code FORMATION_HOME} and {@code HOME}. A block marked {@code <!-- needs:
 * WHAT -->} on the line before it needs an account, a cluster or a build of its own and is not run.
 * The local platform the blocks start is stopped at the end.
 */
class ReadmeIT {
  private static final List<String> DOCS =
      List.of("README.md", "examples/README.md", "examples/queue/README.md", "docs/fmt.md");
  private static final Pattern FENCE = Pattern.compile("```(sh|bash|console)\\s*");
  private static final Pattern NEEDS = Pattern.compile("<!-- needs: [\\w-]+ -->");
  private static final Pattern EXIT = Pattern.compile("#.*\\bexit (\\d+)");
  private static final Path JAR = Path.of("target", "formation.jar").toAbsolutePath();

  @TempDir static Path root;

  /** One command of a block: the doc and line it is on, its text, the exit it must give. */
  record Command(String doc, int line, String text, int exit) {}

  /** A copy of {@code bin/} and {@code examples/}, for one doc's blocks, with its own HOME. */
  private static Path workspace(String doc) throws IOException {
    Path work = Files.createDirectories(root.resolve(doc.replace('/', '_')));
    copy(Path.of("bin"), work.resolve("bin"));
    copy(Path.of("examples"), work.resolve("examples"));
    Files.createDirectories(work.resolve(".home"));
    return work;
  }

  private static Map<String, String> env(Path work) {
    Path home = work.resolve(".home");
    return Map.of(
        "HOME", home.toString(),
        "FORMATION_HOME", home.resolve("formation").toString(),
        "FORMATION_JAR", JAR.toString(),
        "FORMATION_CDS", "off",
        "NO_COLOR", "1",
        "PATH", System.getenv("PATH"));
  }

  @AfterAll
  static void stopTheLocalPlatforms() throws Exception {
    for (String doc : DOCS) {
      Path work = root.resolve(doc.replace('/', '_'));
      if (Files.isDirectory(work.resolve("bin"))) {
        run(
            work,
            List.of(new Command("(cleanup)", 0, "bin/formation local stop >/dev/null 2>&1", 0)));
      }
    }
  }

  /**
   * Each doc's blocks run in order in a workspace of the doc's own; the docs run side by side
   * (their commands use other ports and files): about 27 s instead of 39 s on a loaded machine.
   */
  @Test
  void everyBlockThatNeedsNoAccount_runsAsPasted() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(DOCS.size());
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      int blocks = 0;
      for (String doc : DOCS) {
        List<List<Command>> mine = blocks(doc);
        blocks += mine.size();
        Path work = workspace(doc);
        runs.add(
            pool.submit(
                () -> {
                  List<String> failures = new ArrayList<>();
                  for (List<Command> block : mine) {
                    String failure = run(work, block);
                    if (!failure.isEmpty()) {
                      failures.add(failure);
                      break;
                    }
                  }
                  return failures;
                }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<List<String>> run : runs) {
        failures.addAll(run.get(300, TimeUnit.SECONDS));
      }
      assertThat(failures).as("blocks that did not run as pasted").isEmpty();
      assertThat(blocks).as("blocks run").isGreaterThanOrEqualTo(8);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void blocks_leaveMarkedOnesOut_readConsolePrompts_andExpectedExits() throws Exception {
    Path doc = root.resolve(".doc.md");
    Files.writeString(
        doc,
        String.join(
            "\n",
            "```sh",
            "bin/formation validate   # fine",
            "",
            "# a comment line",
            "bin/formation plan --detailed-exitcode   # changes, exit 2",
            "```",
            "<!-- needs: heroku -->",
            "```sh",
            "bin/formation apply",
            "```",
            "```console",
            "$ formation sizes",
            "Standard-1X ...",
            "```",
            "```yaml",
            "version: 1",
            "```"));

    List<List<Command>> blocks = blocks(doc.toString());

    String name = doc.toString();
    assertThat(blocks)
        .containsExactly(
            List.of(
                new Command(name, 2, "bin/formation validate   # fine", 0),
                new Command(
                    name, 5, "bin/formation plan --detailed-exitcode   # changes, exit 2", 2)),
            List.of(new Command(name, 12, "formation sizes", 0)));
  }

  @Test
  void aCommandThatExitsOtherwise_isNamedByItsLine_andStopsItsBlock() throws Exception {
    Path work = Files.createDirectories(root.resolve(".fails"));
    String failure =
        run(
            work,
            List.of(
                new Command("X.md", 3, "echo first", 0),
                new Command("X.md", 4, "false", 0),
                new Command("X.md", 5, "echo never", 0)));

    assertThat(failure)
        .startsWith("X.md:4: exit 1, expected 0\n")
        .contains("first")
        .doesNotContain("never");
    assertThat(run(work, List.of(new Command("X.md", 9, "sh -c 'exit 2'", 2)))).isEmpty();
  }

  /** The runnable blocks of {@code doc}, in order, as their commands. */
  static List<List<Command>> blocks(String doc) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(doc), StandardCharsets.UTF_8);
    List<List<Command>> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        continue;
      }
      boolean marked = i > 0 && NEEDS.matcher(lines.get(i - 1).trim()).matches();
      boolean console = fence.group(1).equals("console");
      List<Command> block = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        String line = lines.get(i).trim();
        if (console) {
          if (!line.startsWith("$ ")) {
            continue;
          }
          line = line.substring(2);
        }
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        Matcher exit = EXIT.matcher(line);
        block.add(new Command(doc, i + 1, line, exit.find() ? Integer.parseInt(exit.group(1)) : 0));
      }
      if (!marked) {
        blocks.add(block);
      }
    }
    return blocks;
  }

  /**
   * Runs one block in one shell, as a user pasting it would; the first command that exits other
   * than it must, with its output, or {@code ""}.
   */
  private static String run(Path work, List<Command> block) throws Exception {
    StringBuilder script = new StringBuilder();
    for (Command c : block) {
      script
          .append(c.text())
          .append("\nrc=$?; if [ $rc -ne ")
          .append(c.exit())
          .append(" ]; then echo \"")
          .append(c.doc())
          .append(':')
          .append(c.line())
          .append(": exit $rc, expected ")
          .append(c.exit())
          .append("\" >&3; exit 1; fi\n");
    }
    Path file = work.resolve(".block.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Path out = work.resolve(".block.out");
    Path verdict = work.resolve(".block.verdict");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec 3>'" + verdict + "'; . " + file);
    pb.directory(work.toFile());
    pb.environment().clear();
    pb.environment().putAll(env(work));
    pb.redirectErrorStream(true).redirectOutput(out.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return block.get(0).doc() + ":" + block.get(0).line() + ": the block ran over 120 s";
    }
    String failed = Files.readString(verdict, StandardCharsets.UTF_8).trim();
    if (p.exitValue() == 0 && failed.isEmpty()) {
      return "";
    }
    return (failed.isEmpty() ? "exit " + p.exitValue() : failed)
        + "\n"
        + Files.readString(out, StandardCharsets.UTF_8);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
