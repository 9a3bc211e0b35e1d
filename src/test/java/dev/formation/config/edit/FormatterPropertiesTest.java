package dev.formation.config.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.ConfigLoader;
import dev.formation.config.LoadResult;
import dev.formation.config.SourceText;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@code formation fmt} over generated formation files written every which way (a
 * seeded generator, so a failure names the seed that repeats it): the layout is accepted, reads as
 * the same formation with the same comments, holds every rule of docs/fmt.md, and a second pass
 * changes nothing.
 */
class FormatterPropertiesTest {
  private static final int CASES = 300;
  private static final Pattern COMMENT = Pattern.compile("#[^\r\n]*");
  private static final List<String> SIZES =
      List.of("standard-1x", "standard-2x", "performance-m", "performance-l");

  @Test
  void generatedFiles_layOutOnce_keepingTheirMeaningAndComments() {
    ConfigLoader loader = ConfigLoader.standard();
    for (long seed = 0; seed < CASES; seed++) {
      String text = generate(new Random(seed));
      String what = "seed " + seed + "\n" + text;
      LoadResult before = loader.loadTexts(List.of(new SourceText("g.yaml", text, null)));
      assertThat(before.ok()).as(what + before.diagnostics().sorted()).isTrue();

      EditResult r = Formatter.format("g.yaml", text);

      assertThat(r.refused()).as(what + r.diagnostics().sorted()).isFalse();
      String out = r.text();
      what += "\n->\n" + out;
      assertThat(Formatter.format("g.yaml", out).text()).as(what).isEqualTo(out);
      LoadResult after = loader.loadTexts(List.of(new SourceText("g.yaml", out, null)));
      assertThat(after.ok()).as(what).isTrue();
      assertThat(withoutPlaces(after)).as(what).isEqualTo(withoutPlaces(before));
      assertThat(comments(out)).as(what).isEqualTo(comments(text));
      canonical(out, text.contains("\r\n") ? "\r\n" : "\n", what);
    }
  }

  /** The rules of docs/fmt.md that can be seen line by line. */
  private static void canonical(String out, String eol, String what) {
    assertThat(out).as(what).endsWith(eol).doesNotEndWith(eol + eol).doesNotStartWith(eol);
    assertThat(out.replace(eol, "")).as(what).doesNotContain("\n").doesNotContain("\r");
    assertThat(out).as(what).doesNotContain(eol + eol + eol);
    for (String line : out.split(eol)) {
      String code =
          (line.contains("#") ? line.substring(0, line.indexOf('#')) : line).stripTrailing();
      assertThat(line).as(what).isEqualTo(line.stripTrailing());
      assertThat(code).as(what).doesNotContain("\t").doesNotContain(":  ").doesNotContain(" ,");
      int indent = line.length() - line.stripLeading().length();
      if (!line.stripLeading().startsWith("#")) {
        assertThat(indent % 2).as(what + "\n" + line).isZero();
      }
    }
  }

  /** The comments, found without the formatter's own scanner (no value here holds a `#`). */
  private static List<String> comments(String text) {
    return COMMENT.matcher(text).results().map(m -> m.group().stripTrailing()).toList();
  }

  private static String withoutPlaces(LoadResult loaded) {
    return loaded.formationOrNull().toString().replaceAll("g\\.yaml:\\d+:\\d+", "g.yaml");
  }

  /** A valid formation file, with random indentation, spacing, quoting, comments and styles. */
  private static String generate(Random random) {
    Writer w = new Writer(random, random.nextInt(4) == 0 ? "\r\n" : "\n");
    if (random.nextBoolean()) {
      w.line(0, "---" + w.comment());
    }
    w.blanks();
    w.line(0, "# generated" + (random.nextBoolean() ? "  " : ""));
    boolean anchors = random.nextBoolean();
    if (anchors) {
      int in = 1 + random.nextInt(4);
      w.line(0, "x-base:" + w.comment());
      w.line(in, "one:" + w.space() + "&one" + w.space() + w.flow("standard-1x", "1"));
    }
    w.line(0, "version:" + w.space() + "1" + w.valueComment());
    w.blanks();
    w.line(0, "apps:" + w.comment());
    int appIndent = 1 + random.nextInt(4);
    for (int a = 0; a < 1 + random.nextInt(3); a++) {
      if (random.nextInt(4) == 0) {
        w.line(appIndent + random.nextInt(3) - 1, "# about app" + a);
      }
      w.line(appIndent, "app" + a + ":" + w.comment());
      int in = appIndent + 1 + random.nextInt(4);
      if (random.nextBoolean()) {
        w.line(in, "prune:" + w.space() + (random.nextBoolean() ? "false" : "true"));
      }
      w.line(in, "processes:" + w.comment());
      int typeIndent = in + 1 + random.nextInt(3);
      for (int t = 0; t < 1 + random.nextInt(4); t++) {
        String type = t == 0 ? "web" : "t" + t;
        String size = SIZES.get(random.nextInt(SIZES.size()));
        String quantity = String.valueOf(random.nextInt(5));
        w.blanks();
        switch (random.nextInt(anchors ? 4 : 3)) {
          case 0 ->
              w.line(typeIndent, type + ":" + w.space() + w.flow(size, quantity) + w.comment());
          case 1 -> {
            w.line(typeIndent, type + ":" + w.comment());
            int fields = typeIndent + 1 + random.nextInt(4);
            w.line(fields, "size:" + w.space() + w.quoted(size) + w.comment());
            w.blanks();
            if (random.nextInt(5) == 0) {
              w.line(fields + random.nextInt(2), "# quantity: 9");
            }
            w.line(fields, "quantity:" + w.space() + quantity + w.valueComment());
            if (random.nextInt(3) == 0) {
              w.window(fields);
            }
          }
          case 2 ->
              w.line(
                  typeIndent,
                  type
                      + ": {"
                      + w.space()
                      + "size:"
                      + w.space()
                      + w.quoted(size)
                      + ","
                      + w.eol
                      + " ".repeat(typeIndent + 2)
                      + "quantity: "
                      + quantity
                      + "}"
                      + w.comment());
          default -> w.line(typeIndent, type + ":" + w.space() + "{<<:" + w.space() + "*one}");
        }
      }
    }
    w.blanks();
    if (random.nextBoolean()) {
      w.line(random.nextInt(3), "# the end");
    }
    return random.nextInt(5) == 0 ? w.text().stripTrailing() : w.text();
  }

  private static final class Writer {
    private final Random random;
    private final String eol;
    private final StringBuilder b = new StringBuilder();

    Writer(Random random, String eol) {
      this.random = random;
      this.eol = eol;
    }

    void line(int indent, String s) {
      b.append(" ".repeat(indent)).append(s).append(random.nextInt(6) == 0 ? "   " : "");
      b.append(eol);
    }

    void blanks() {
      for (int i = random.nextInt(4) == 0 ? random.nextInt(4) : 0; i > 0; i--) {
        b.append(random.nextBoolean() ? "  " : "").append(eol);
      }
    }

    String space() {
      return random.nextInt(3) == 0 ? " ".repeat(2 + random.nextInt(3)) : " ";
    }

    /** A comment or none, after a key whose value follows on the next lines. */
    String comment() {
      return random.nextInt(5) < 2 ? space() + "# note " + random.nextInt(100) + " é ☕" : "";
    }

    /** A comment or none after a plain scalar, which a tab may separate from it. */
    String valueComment() {
      return random.nextInt(5) == 0 ? "\t# tabbed" : comment();
    }

    String quoted(String s) {
      return switch (random.nextInt(3)) {
        case 0 -> "'" + s + "'";
        case 1 -> "\"" + s + "\"";
        default -> s;
      };
    }

    String flow(String size, String quantity) {
      return "{"
          + (random.nextBoolean() ? " " : "")
          + "size:"
          + space()
          + quoted(size)
          + (random.nextBoolean() ? " ," : ",")
          + space()
          + "quantity:"
          + space()
          + quantity
          + (random.nextBoolean() ? " " : "")
          + "}";
    }

    /** A schedule of one window: a block sequence, its dash indented 0 to 3 under its key. */
    void window(int indent) {
      line(indent, "schedule:" + comment());
      int dash = indent + random.nextInt(4);
      String gap = " ".repeat(1 + random.nextInt(3));
      int keys = dash + 1 + gap.length();
      line(dash, "-" + gap + "name:" + space() + quoted("nightly") + comment());
      line(keys, "days:" + space() + quoted("daily"));
      if (random.nextBoolean()) {
        line(keys - 1 + random.nextInt(3), "# from one to four");
      }
      line(keys, "from:" + space() + (random.nextBoolean() ? "\"01:00\"" : "'01:00'"));
      line(keys, "to: \"04:00\"" + comment());
      line(keys, "quantity:" + space() + "1" + valueComment());
    }

    String text() {
      return b.toString();
    }
  }
}
