package dev.formation.config.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.diag.Code;
import dev.formation.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code formation fmt}'s layout (docs/fmt.md): goldens in and out, and its rules one by one. */
class FormatterTest {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "fmt");

  private static String fmt(String text) {
    EditResult r = Formatter.format("f.yaml", text);
    assertThat(r.diagnostics().sorted()).as(text).isEmpty();
    assertThat(Formatter.format("f.yaml", r.text()).text()).as("idempotent").isEqualTo(r.text());
    return r.text();
  }

  @Test
  void messyFixture_isLaidOutAsTheGolden_keepingEveryComment() throws Exception {
    String in = Files.readString(FIXTURES.resolve("messy.yaml"), StandardCharsets.UTF_8);

    String out = fmt(in);

    Golden.assertMatches("fmt/messy.yaml", out);
    assertThat(Formatter.comments(out)).isEqualTo(Formatter.comments(in)).hasSize(11);
  }

  @Test
  void crlfFile_staysCrlfOnEveryLine_andOtherwiseMatchesTheLfLayout() throws Exception {
    String in = Files.readString(FIXTURES.resolve("messy.yaml"), StandardCharsets.UTF_8);

    String out = fmt(in.replace("\n", "\r\n"));

    assertThat(out.replace("\r\n", "")).doesNotContain("\n");
    assertThat(out.replace("\r\n", "\n")).isEqualTo(fmt(in));
  }

  @Test
  void everyExample_isAlreadyLaidOut() throws IOException {
    List<Path> examples;
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      examples = files.filter(p -> p.toString().endsWith("formation.yaml")).sorted().toList();
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
    for (Path example : examples) {
      String text = Files.readString(example, StandardCharsets.UTF_8);
      assertThat(fmt(text)).as("%s: run formation fmt on it", example).isEqualTo(text);
    }
  }

  @Test
  void quotedStrings_becomePlainOnlyWhenThatReadsTheSame() {
    String in =
        """
        a: "standard-1x"
        b: 'Europe/Berlin'
        c: "two words"
        d: "01"
        e: "yes"
        f: 'on'
        g: "1e3"
        h: "null"
        i: "09:00"
        j: 'it''s'
        k: "{app}-{type}"
        l: "No"
        m: "a: b"
        n: ""
        """;

    assertThat(fmt(in))
        .isEqualTo(
            """
            a: standard-1x
            b: Europe/Berlin
            c: two words
            d: "01"
            e: "yes"
            f: "on"
            g: "1e3"
            h: "null"
            i: "09:00"
            j: "it's"
            k: "{app}-{type}"
            l: "No"
            m: "a: b"
            n: ""
            """);
  }

  @Test
  void spacingIndentationBlankLinesAndTheEnd_areCanonical() {
    String in =
        "\n\n# top\n\n\na:     1   \nb:\n   c:  [ 1 ,2 ]\n\n\n\n   d:\n   - x\n   -   y\ne: {}";

    assertThat(fmt(in))
        .isEqualTo("# top\n\na: 1\nb:\n  c: [1, 2]\n\n  d:\n    - x\n    - y\ne: {}\n");
  }

  @Test
  void anchorsAliasesMergesAndKeyOrder_areKeptAsWritten() {
    String in = "z: &z {q: 1}\ny:\n    <<: *z\n    a: &a  2\nb: *a\n";

    assertThat(fmt(in)).isEqualTo("z: &z {q: 1}\ny:\n  <<: *z\n  a: &a 2\nb: *a\n");
  }

  @Test
  void trailingComments_keepTheirColumn_orOneSpaceWhenTheLineGrew() {
    String in = "a:\n      b: 1      # at 16\n      c: 1 # at 11\nd: [1,2,3] # grew past it\n";

    assertThat(fmt(in))
        .isEqualTo(
            "a:\n  b: 1          # at 16\n  c: 1     # at 11\nd: [1, 2, 3] # grew past it\n");
  }

  @Test
  void commentsAloneOnALine_areIndentedLikeTheirNode() {
    String in =
        "a:\n    b:\n        c: 1\n        # about c's block\n      # about d\n    d: 2\n# end\n";

    assertThat(fmt(in))
        .isEqualTo("a:\n  b:\n    c: 1\n    # about c's block\n  # about d\n  d: 2\n# end\n");
  }

  @Test
  void blockScalars_keepTheirValue_reindented() {
    String in = "a:\n    s: |\n          one\n            two\n\n          three\n\n\n    t: 1\n";

    assertThat(fmt(in)).isEqualTo("a:\n  s: |\n    one\n      two\n\n    three\n\n  t: 1\n");
  }

  @Test
  void multiLineFlowWithoutComments_goesOnOneLine_andWithComments_staysAsWritten() {
    String in = "a: {x: 1,\n     y: 2}\nb: [1,   # one\n     2]\n";

    assertThat(fmt(in)).isEqualTo("a: {x: 1, y: 2}\nb: [1,   # one\n     2]\n");
  }

  @Test
  void documentMarkersAndDirectives_areKept() {
    assertThat(fmt("%YAML 1.2\n---\na: 1\n...\n")).isEqualTo("%YAML 1.2\n---\na: 1\n...\n");
  }

  @Test
  void textThatIsNotYaml_isRefused_withTheTextUnchanged() {
    EditResult r = Formatter.format("f.yaml", "a:\n\t- b\n");

    assertThat(r.refused()).isTrue();
    assertThat(r.diagnostics().sorted().get(0).code()).isEqualTo(Code.FM179);
    assertThat(r.text()).isEqualTo("a:\n\t- b\n");
  }
}
