package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

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
            Diagnostic.error("FM030", "unknown size", SourceRange.at("f.yaml", 2, 9), "try eco"));

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
  void render_withoutSourceOrPlace_printsTheHeadlineOnly() {
    String text = render(new Sources(), Diagnostic.error("FM001", "cannot read", null, null));

    assertThat(text).isEqualTo("formation: error[FM001]: cannot read\n\n");
  }

  @Test
  void colors_offByDefaultInTests_andPaintOnlyWhenOn() {
    assertThat(Colors.off().paint("red", "x")).isEqualTo("x");
    assertThat(Colors.on().paint("bold,red", "x")).isEqualTo("\u001b[1;31mx\u001b[0m");
    assertThat(Colors.auto().enabled()).isFalse();
  }
}
