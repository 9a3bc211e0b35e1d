package dev.formation.cli.render;

import picocli.CommandLine.Help.Ansi;

/** Terminal colour, on only when stdout is a terminal and {@code NO_COLOR} is not set. */
public final class Colors {
  private final Ansi ansi;

  private Colors(boolean on) {
    this.ansi = on ? Ansi.ON : Ansi.OFF;
  }

  /** Decides from the environment (https://no-color.org). */
  public static Colors auto() {
    return new Colors(System.console() != null && System.getenv("NO_COLOR") == null);
  }

  /** Colour exactly when {@code on}: the command decides from its environment. */
  public static Colors when(boolean on) {
    return new Colors(on);
  }

  public static Colors off() {
    return new Colors(false);
  }

  public boolean enabled() {
    return ansi == Ansi.ON;
  }

  /** {@code text} in picocli style words ({@code "bold,red"}); {@code text} must be plain. */
  public String paint(String style, String text) {
    if (!enabled() || text.isEmpty()) {
      return text;
    }
    return ansi.string("@|" + style + " " + text.replace("|@", "| @") + "|@");
  }
}
