package dev.formation.platform.heroku;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code ~/.netrc}: free-form whitespace-separated tokens, so several machines may share a
 * line; {@code default} applies to any machine not listed; {@code macdef} bodies are skipped.
 */
public final class Netrc {
  // tokens() marks an empty line with this, since it ends a macdef body
  private static final String BLANK_LINE = "\n\n";

  private final Map<String, String> passwords = new LinkedHashMap<>();
  private String defaultPassword;

  private Netrc() {}

  /** Parses netrc text; unknown keywords are skipped with their value, as ftp(1) tolerates. */
  public static Netrc parse(String text) {
    Netrc netrc = new Netrc();
    List<String> tokens = tokens(text);
    String machine = null;
    boolean inDefault = false;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      switch (t) {
        case "machine" -> {
          machine = i + 1 < tokens.size() ? tokens.get(++i).toLowerCase(Locale.ROOT) : null;
          inDefault = false;
        }
        case "default" -> {
          machine = null;
          inDefault = true;
        }
        case "password" -> {
          String value = i + 1 < tokens.size() ? tokens.get(++i) : null;
          if (machine != null) {
            netrc.passwords.putIfAbsent(machine, value);
          } else if (inDefault && netrc.defaultPassword == null) {
            netrc.defaultPassword = value;
          }
        }
        case "login", "account" -> i++;
        case "macdef" -> i = skipMacro(tokens, i);
        default -> {
          // a stray token: ignored, like most netrc readers do
        }
      }
    }
    return netrc;
  }

  /** The password of the first entry for this machine, else of {@code default}. */
  public Optional<String> password(String machine) {
    String p = passwords.get(machine.toLowerCase(Locale.ROOT));
    return Optional.ofNullable(p != null ? p : defaultPassword);
  }

  /** Whether this machine has its own entry (not just {@code default}). */
  public boolean hasMachine(String machine) {
    return passwords.containsKey(machine.toLowerCase(Locale.ROOT));
  }

  // a macro body runs to the first empty line
  private static int skipMacro(List<String> tokens, int i) {
    int j = i + 1;
    while (j < tokens.size() && !tokens.get(j).equals(BLANK_LINE)) {
      j++;
    }
    return j;
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < n && isBlankLineAhead(text, i + 1)) {
        out.add(BLANK_LINE);
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#' && atLineStart(text, i)) {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          sb.append(text.charAt(i++));
        }
        i++;
        out.add(sb.toString());
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        out.add(text.substring(start, i));
      }
    }
    return out;
  }

  // '#' starts a comment only as a line's first token, so a password may contain it
  private static boolean atLineStart(String text, int i) {
    for (int j = i - 1; j >= 0; j--) {
      char c = text.charAt(j);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlankLineAhead(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return false;
  }
}
