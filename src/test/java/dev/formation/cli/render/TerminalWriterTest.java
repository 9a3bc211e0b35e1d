package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalWriterTest {
  private static String through(String s, boolean colour, boolean ascii) throws IOException {
    StringWriter sink = new StringWriter();
    try (TerminalWriter w = new TerminalWriter(sink, colour, ascii)) {
      w.write(s);
    }
    return sink.toString();
  }

  @Test
  void foreignEscapes_bellAndCarriageReturn_areShownEscaped() throws IOException {
    String api = "boom \u001b]0;pwned\u0007 \u001b[2J\rover\u0008 \u009b1m \u202e";

    assertThat(through(api, false, false))
        .isEqualTo("boom \\u001b]0;pwned\\u0007 \\u001b[2J\\rover\\u0008 \\u009b1m \\u202e");
  }

  @Test
  void colourCodes_passOnlyWhenColourIsOn() throws IOException {
    String painted = Colors.on().paint("bold,red", "error");

    assertThat(through(painted, true, false)).isEqualTo(painted);
    assertThat(through(painted, false, false)).isEqualTo("\\u001b[1;31merror\\u001b[0m");
  }

  @Test
  void anEscapeThatIsNoColourCode_isEscapedEvenWithColourOn() throws IOException {
    assertThat(through("\u001b[2J\u001b]8;;x\u001b\\", true, false))
        .isEqualTo("\\u001b[2J\\u001b]8;;x\\u001b\\");
  }

  @Test
  void lineBreaksTabsAndUnicode_passUnchangedInUtf8() throws IOException {
    assertThat(through("a\tb\nStandard-1X ×2 → 3 …\n", false, false))
        .isEqualTo("a\tb\nStandard-1X ×2 → 3 …\n");
  }

  @Test
  void asciiMode_transliteratesArrowsAndEscapesTheRest() throws IOException {
    assertThat(through("Standard-1X ×2 → Performance-M ×2 … ℙ\n", false, true))
        .isEqualTo("Standard-1X x2 -> Performance-M x2 ... \\u2119\n");
  }

  @Test
  void asciiOnly_isForATerminalWhoseLocaleIsNotUtf8() {
    assertThat(TerminalWriter.asciiOnly(Map.of("LANG", "C"), true)).isTrue();
    assertThat(TerminalWriter.asciiOnly(Map.of(), true)).isTrue();
    assertThat(TerminalWriter.asciiOnly(Map.of("LANG", "en_US.UTF-8"), true)).isFalse();
    assertThat(TerminalWriter.asciiOnly(Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8"), true))
        .isTrue();
    assertThat(TerminalWriter.asciiOnly(Map.of("LC_CTYPE", "de_DE.utf8"), true)).isFalse();
    // A pipe or a file gets UTF-8 whatever the locale.
    assertThat(TerminalWriter.asciiOnly(Map.of("LANG", "C"), false)).isFalse();
  }

  @Test
  void anEscapeCutByAFlush_isShownEscaped() throws IOException {
    StringWriter sink = new StringWriter();
    TerminalWriter w = new TerminalWriter(sink, true, false);
    w.write("\u001b[3");
    w.flush();
    w.write("1mred");
    w.close();

    assertThat(sink.toString()).isEqualTo("\\u001b[31mred");
  }
}
