package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.diag.Diagnostic;
import dev.formation.diag.SourceRange;
import org.junit.jupiter.api.Test;

class GithubDiagnosticsTest {
  @Test
  void line_escapesDataAndProperties() {
    Diagnostic d =
        Diagnostic.error(
            "FM030",
            "100% wrong\r\nreally",
            SourceRange.at("conf/a,b:c%.yaml", 3, 7),
            "fix: this, please");

    assertThat(GithubDiagnostics.line(d))
        .isEqualTo(
            "::error file=conf/a%2Cb%3Ac%25.yaml,line=3,col=7,title=FM030"
                + "::100%25 wrong%0D%0Areally%0Ahint: fix: this, please");
  }

  @Test
  void line_warningWithoutPlace_hasOnlyATitle() {
    Diagnostic d = Diagnostic.warning("FM053", "only the start", null, null);

    assertThat(GithubDiagnostics.line(d)).isEqualTo("::warning title=FM053::only the start");
  }
}
