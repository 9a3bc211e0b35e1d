package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.SourceRange;
import dev.formation.diag.Sources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiagnosticsTest {
  private static String render(Sources sources, Diagnostic d) {
    StringWriter out = new StringWriter();
    new TextDiagnostics(sources, Colors.off()).render(List.of(d), new PrintWriter(out));
    return out.toString();
  }

  @Test
  void render_quotesTheLineAndPutsACaretUnderTheColumn() {
    Sources sources = new Sources();
    sources.put("f.yaml", "version: 1\n  size: huge\n");

    String text =
        render(
            sources,
            Diagnostic.error(
                Code.FM030, "unknown size", SourceRange.at("f.yaml", 2, 9), "try eco"));

    assertThat(text)
        .isEqualTo(
            "f.yaml:2:9: error[FM030]: unknown size\n  size: huge\n        ^\n  hint: try eco\n\n");
  }

  @Test
  void caret_keepsTabsSoItLinesUp_andUnderlinesARange() {
    assertThat(TextDiagnostics.caret("\tab: x", SourceRange.at("f", 1, 6))).isEqualTo("\t    ^");
    assertThat(TextDiagnostics.caret("size: huge", new SourceRange("f", 1, 7, 1, 11)))
        .isEqualTo("      ^~~~");
  }

  @Test
  void render_veryLongLine_showsAWindowAroundTheColumn() {
    String line = "x: " + "[".repeat(5000) + "]".repeat(5000);
    Sources sources = new Sources();
    sources.put("f.yaml", line + "\n");

    SourceRange at = SourceRange.at("f.yaml", 1, 200);

    String text = render(sources, Diagnostic.error(Code.FM004, "too deep", at, null));

    String[] lines = text.split("\n");
    assertThat(lines[1]).hasSizeLessThanOrEqualTo(TextDiagnostics.MAX_LINE).startsWith("...[[[");
    assertThat(lines[1]).endsWith("[[[...");
    assertThat(lines[2].indexOf('^')).isEqualTo(3 + 60);
    assertThat(lines[1].charAt(lines[2].indexOf('^'))).isEqualTo(line.charAt(199));
  }

  @Test
  void render_longLineCaretNearItsStart_isNotCutBefore() {
    String line = "web: {size: nope" + ", x: 1".repeat(100) + "}";
    Sources sources = new Sources();
    sources.put("f.yaml", line + "\n");

    SourceRange at = new SourceRange("f.yaml", 1, 13, 1, 17);

    String text = render(sources, Diagnostic.error(Code.FM030, "unknown size", at, null));

    String[] lines = text.split("\n");
    assertThat(lines[1]).startsWith("web: {size: nope").endsWith("...");
    assertThat(lines[2]).isEqualTo("            ^~~~");
  }

  @Test
  void render_nameWithLineBreakOrEscape_staysOnTheHeadline() {
    String message = "invalid app name `sh\nop\u001b[2J`";
    Diagnostic d = Diagnostic.error(Code.FM020, message, SourceRange.at("f", 1, 1), null);

    String text = render(new Sources(), d);

    assertThat(text).isEqualTo("f:1:1: error[FM020]: invalid app name `sh\\nop\\u001b[2J`\n\n");
  }

  @Test
  void render_sourceLineWithEscapes_isShownEscapedAndTheCaretStillLinesUp() {
    Sources sources = new Sources();
    sources.put("f\u001b]0;x\u0007.yaml", "web: {size: \"\u001b[31m\", x: 1}\n");
    SourceRange at = SourceRange.at("f\u001b]0;x\u0007.yaml", 1, 22);

    String text = render(sources, Diagnostic.error(Code.FM010, "unknown key `x`", at, null));

    assertThat(text)
        .isEqualTo(
            "f\\u001b]0;x\\u0007.yaml:1:22: error[FM010]: unknown key `x`\n"
                + "web: {size: \"\\u001b[31m\", x: 1}\n"
                + " ".repeat(26)
                + "^\n\n");
  }

  @Test
  void render_withoutSourceOrPlace_printsTheHeadlineOnly() {
    String text = render(new Sources(), Diagnostic.error(Code.FM001, "cannot read", null, null));

    assertThat(text).isEqualTo("error[FM001]: cannot read\n\n");
  }

  @Test
  void colors_offByDefaultInTests_andPaintOnlyWhenOn() {
    assertThat(Colors.off().paint("red", "x")).isEqualTo("x");
    assertThat(Colors.on().paint("bold,red", "x")).isEqualTo("\u001b[1;31mx\u001b[0m");
    assertThat(Colors.auto().enabled()).isFalse();
  }
}
