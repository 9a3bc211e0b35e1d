package dev.formation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing in the repository refers to a file outside it: what the project needs of its product
 * description lives in {@code docs/}. Scans every file of the sources, docs, examples, schemas,
 * benchmarks, launcher and build for the names of such files. The names are built from parts here,
 * so that this file does not hold them itself.
 */
class SelfContainedTest {
  /** What the repository holds, besides {@code target/} and git's own files. */
  static final List<String> ROOTS =
      List.of(
          "src",
          "docs",
          "examples",
          "schemas",
          "templates",
          "bench",
          "bin",
          ".ci",
          ".mvn",
          "README.md",
          "action.yml",
          "pom.xml",
          ".gitignore");

  /** Lower-case: the product description, the style guide, the Heroku notes, their folder. */
  static final List<String> OUTSIDE =
      List.of(
          "spec" + ".md",
          "spec" + " section",
          "style" + ".md",
          "heroku" + "-api",
          ".." + "/shared",
          "/work" + "/shared",
          "internal " + "spec");

  /** A numbered section of the product description, named in prose. */
  static final Pattern SECTION_OF =
      Pattern.compile("section \\d+ of the " + "spec\\b|the " + "spec's section");

  @Test
  void noFileInTheRepository_refersToAFileOutsideIt() {
    List<String> found = new ArrayList<>();
    int scanned = 0;
    for (String root : ROOTS) {
      Path path = Path.of(root);
      if (!Files.exists(path)) {
        continue;
      }
      for (Path file : files(path)) {
        scanned++;
        found.addAll(references(file));
      }
    }
    assertThat(scanned).as("files scanned").isGreaterThan(500);
    assertThat(found).as("references to files outside the repository").isEmpty();
  }

  @Test
  void theScan_findsAReference_whereverItIsWritten(@TempDir Path dir) throws IOException {
    Path comment = dir.resolve("A.java");
    Files.writeString(comment, "/** As " + "SPEC" + " section 3 says. */\nclass A {}\n");
    Path doc = dir.resolve("doc.md");
    Files.writeString(doc, "See [the notes](../" + "shared/heroku/" + "HEROKU" + "-API.md).\n");
    Path prose = dir.resolve("prose.txt");
    Files.writeString(prose, "metrics follow Section 4 of the " + "spec\n");
    Path clean = dir.resolve("clean.md");
    Files.writeString(clean, "See docs/plan.md and the spec records (AppSpec).\n");

    assertThat(references(comment)).singleElement().asString().contains("A.java:1");
    assertThat(references(doc)).hasSize(2);
    assertThat(references(prose)).singleElement().asString().contains("prose.txt:1");
    assertThat(references(clean)).isEmpty();
  }

  /** Each line of {@code file} that names a file outside the repository, as {@code path:line}. */
  static List<String> references(Path file) {
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> found = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].toLowerCase(Locale.ROOT);
      for (String name : OUTSIDE) {
        if (line.contains(name)) {
          found.add(file + ":" + (i + 1) + ": " + name);
        }
      }
      if (SECTION_OF.matcher(line).find()) {
        found.add(file + ":" + (i + 1) + ": a section of the product description");
      }
    }
    return found;
  }

  private static List<Path> files(Path root) {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
