package dev.formation.cli.render;

import java.io.Console;
import java.util.Map;

/** Terminal colour, on only when stdout is a terminal and {@code NO_COLOR} is not set. */
public final class Colors {
  private static final Map<String, String> CODES =
      Map.of("bold", "1", "red", "31", "green", "32", "yellow", "33", "cyan", "36");

  private final boolean on;

  private Colors(boolean on) {
    this.on = on;
  }

  /** Decides from the environment (https://no-color.org). */
  public static Colors auto() {
    return new Colors(isTerminal() && System.getenv("NO_COLOR") == null);
  }

  /** Colour exactly when {@code on}: the command decides from its environment. */
  public static Colors when(boolean on) {
    return new Colors(on);
  }

  public static Colors off() {
    return new Colors(false);
  }

  /** Always on, for tests of the coloured form. */
  public static Colors on() {
    return new Colors(true);
  }

  public boolean enabled() {
    return on;
  }

  /** {@code text} in styles such as {@code "bold,red"}; one reset at the end. */
  public String paint(String style, String text) {
    if (!on || text.isEmpty()) {
      return text;
    }
    StringBuilder sgr = new StringBuilder();
    for (String word : style.split(",")) {
      String code = CODES.get(word.trim());
      if (code == null) {
        throw new IllegalArgumentException("unknown style " + word);
      }
      sgr.append(sgr.length() == 0 ? "" : ";").append(code);
    }
    return "\u001b[" + sgr + "m" + text + "\u001b[0m";
  }

  /** Java 22+ returns a console even when redirected; there {@code isTerminal()} tells. */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
