package dev.formation.cli.render;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The last guard between formation and the terminal, for stdout and stderr alike: whatever a
 * command prints, an unsafe character ({@link Printable}) is escaped on the way out; line breaks
 * and tabs pass, and so do formation's own colour codes ({@code ESC [ 1;31 m}) when colour is on.
 * With {@code ascii}, for a terminal that cannot show UTF-8, {@code →} becomes {@code ->}, {@code
 * ×} becomes {@code x}, and any other non-ASCII character its {@code \u2119} escape.
 *
 * <p>Renderers escape the strings they take from files and platforms themselves ({@link
 * Printable}); this writer catches the rest, such as an exception's message printed by a command.
 */
public final class TerminalWriter extends FilterWriter {
  private static final Map<Character, String> ASCII =
      Map.ofEntries(
          Map.entry('→', "->"),
          Map.entry('←', "<-"),
          Map.entry('×', "x"),
          Map.entry('…', "..."),
          Map.entry('–', "-"),
          Map.entry('—', "-"),
          Map.entry('−', "-"),
          Map.entry('‑', "-"),
          Map.entry('‘', "'"),
          Map.entry('’', "'"),
          Map.entry('“', "\""),
          Map.entry('”', "\""),
          Map.entry('•', "*"),
          Map.entry('·', "*"),
          Map.entry('≥', ">="),
          Map.entry('≤', "<="),
          Map.entry('±', "+/-"),
          Map.entry('✓', "ok"),
          Map.entry('✗', "x"),
          Map.entry('\u00a0', " "));

  /** The longest colour code formation writes, {@code ESC [ 1;31 m}, with room to spare. */
  private static final int MAX_SGR = 16;

  private final boolean colour;
  private final boolean ascii;
  private final StringBuilder pending = new StringBuilder();

  /**
   * @param colour whether SGR colour codes pass (formation's own; colour is on for this stream)
   * @param ascii whether only ASCII may be written
   */
  public TerminalWriter(Writer out, boolean colour, boolean ascii) {
    super(out);
    this.colour = colour;
    this.ascii = ascii;
  }

  /**
   * Whether a terminal's text should be plain ASCII: a terminal whose locale ({@code LC_ALL}, else
   * {@code LC_CTYPE}, else {@code LANG}) does not name UTF-8. Output that is not a terminal (a
   * pipe, a file, CI) is UTF-8 whatever the locale.
   */
  public static boolean asciiOnly(Map<String, String> env, boolean terminal) {
    if (!terminal) {
      return false;
    }
    for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        return !(v.contains("utf-8") || v.contains("utf8"));
      }
    }
    return true;
  }

  @Override
  public void write(int c) throws IOException {
    put((char) c);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      put(cbuf[i]);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      put(str.charAt(i));
    }
  }

  @Override
  public void flush() throws IOException {
    // An escape sequence cut by a flush is not one of formation's: show it escaped.
    drainPending(false);
    super.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    super.close();
  }

  private void put(char c) throws IOException {
    if (pending.length() > 0) {
      pending.append(c);
      if (c == 'm' && pending.length() > 2 && pending.charAt(1) == '[') {
        drainPending(colour);
      } else if (!(c == '[' && pending.length() == 2)
              && !(pending.length() > 2 && (Character.isDigit(c) || c == ';'))
          || pending.length() > MAX_SGR) {
        drainPending(false);
      }
      return;
    }
    if (c == '\u001b') {
      pending.append(c);
      return;
    }
    emit(c);
  }

  /** Writes the pending escape sequence raw (a colour code) or escaped. */
  private void drainPending(boolean raw) throws IOException {
    if (pending.length() == 0) {
      return;
    }
    String s = pending.toString();
    pending.setLength(0);
    if (raw) {
      out.write(s);
      return;
    }
    out.write(Printable.escaped(s.charAt(0)));
    for (int i = 1; i < s.length(); i++) {
      put(s.charAt(i));
    }
  }

  private void emit(char c) throws IOException {
    if (c != '\n' && c != '\t' && Printable.unsafe(c)) {
      out.write(Printable.escaped(c));
    } else if (ascii && c > 0x7e) {
      String plain = ASCII.get(c);
      out.write(plain != null ? plain : String.format("\\u%04x", (int) c));
    } else {
      out.write(c);
    }
  }
}
