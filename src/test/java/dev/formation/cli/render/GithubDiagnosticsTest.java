package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.SourceRange;
import org.junit.jupiter.api.Test;

class GithubDiagnosticsTest {
  @Test
  void line_escapesDataAndProperties() {
    Diagnostic d =
        Diagnostic.error(
            Code.FM030,
            "100% wrong\r\nreally",
            SourceRange.at("conf/a,b:c%.yaml", 3, 7),
            "fix: this, please");

    assertThat(GithubDiagnostics.line(d))
        .isEqualTo(
            "::error file=conf/a%2Cb%3Ac%25.yaml,line=3,col=7,title=FM030"
                + "::100%25 wrong\\r\\nreally%0Ahint: fix: this, please");
  }

  @Test
  void line_nameWithTerminalEscapes_isShownEscapedInMessageFileAndTitle() {
    Diagnostic d =
        Diagnostic.error(
            Code.FM030,
            "unknown size `\u001b]0;pwned\u0007\u001b[31mred`",
            SourceRange.at("a\u001b[2Jb.yaml", 1, 1),
            "hint \u001b[8m");

    String line = GithubDiagnostics.line(d);

    assertThat(line).doesNotContain("\u001b", "\u0007");
    assertThat(line)
        .isEqualTo(
            "::error file=a\\u001b[2Jb.yaml,line=1,col=1,title=FM030"
                + "::unknown size `\\u001b]0;pwned\\u0007\\u001b[31mred`%0Ahint: hint"
                + " \\u001b[8m");
  }

  @Test
  void line_warningWithoutPlace_hasOnlyATitle() {
    Diagnostic d = Diagnostic.warning(Code.FM053, "only the start", null, null);

    assertThat(GithubDiagnostics.line(d)).isEqualTo("::warning title=FM053::only the start");
  }
}
