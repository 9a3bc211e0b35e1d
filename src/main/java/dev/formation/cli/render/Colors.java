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
    return new Colors(isTerminal() && System.getenv("NO_COLOR") == null);
  }

  /** Java 22+ returns a console even when redirected; there {@code isTerminal()} tells. */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
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
