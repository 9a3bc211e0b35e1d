package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void escape_namesEveryCharacterATerminalWouldActOn() {
    assertThat(Printable.escape("a\nb\rc\td\u0000e\u001b[31mf\u0007g\u007fh\u0085i\u200bj\u2028k"))
        .isEqualTo("a\\nb\\rc\\td\\u0000e\\u001b[31mf\\u0007g\\u007fh\\u0085i\\u200bj\\u2028k");
  }

  @Test
  void escape_leavesPrintableTextAloneAndTheSameInstance() {
    String s = "Standard-1X ×2 → Performance-M ✓ ℙ 😀";

    assertThat(Printable.escape(s)).isSameAs(s);
  }

  @Test
  void line_keepsTabsForTheCaret() {
    assertThat(Printable.line("\tsize: \u001b")).isEqualTo("\tsize: \\u001b");
  }

  @Test
  void width_isTheLengthOfTheEscape() {
    assertThat(Printable.width('a')).isEqualTo(1);
    assertThat(Printable.width('\t')).isEqualTo(1);
    assertThat(Printable.width('\r')).isEqualTo(2);
    assertThat(Printable.width('\u001b')).isEqualTo(6);
  }
}
