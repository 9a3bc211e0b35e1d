package dev.formation.config;

import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.config.yaml.YSeq;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks every value of a file where it stands, before the schema sees it: a number no field can
 * hold ({@code 2e19}, {@code 1e400}), a string with a control character, a YAML tag that changes a
 * value's type. The places it reports are faulty, so the schema and the semantic checks stay quiet
 * about them: one mistake, one diagnostic.
 */
final class ValueCheck {
  /** No count, port or time comes near this; past it the schema validator cannot compare. */
  private static final BigDecimal LARGEST = BigDecimal.valueOf(Long.MAX_VALUE);

  /** A number written with more characters than this is out of range without being parsed. */
  private static final int MAX_NUMBER_TEXT = 40;

  /** Digits after the point past this are not a value any field holds ({@code 1e-400}). */
  private static final int MAX_SCALE = 60;

  private static final Map<String, YScalar.Kind> CORE_TAGS =
      Map.of(
          "!!str", YScalar.Kind.STRING,
          "!!int", YScalar.Kind.INTEGER,
          "!!float", YScalar.Kind.FLOAT,
          "!!bool", YScalar.Kind.BOOLEAN,
          "!!null", YScalar.Kind.NULL);

  private final Diagnostics diags;
  private final Set<TreePath> faulty = new HashSet<>();
  private final TreePath.Walk walk = new TreePath.Walk();

  private ValueCheck(Diagnostics diags) {
    this.diags = diags;
  }

  /** Reports faulty values under {@code root} and returns their places. */
  static Set<TreePath> check(YMap root, Diagnostics diags) {
    ValueCheck check = new ValueCheck(diags);
    for (YMap.Entry e : root.entries()) {
      // Top-level `x-` keys are ignored; what is aliased from them is checked where it is used.
      if (!e.key().startsWith("x-")) {
        check.walk(e.value(), e.key());
      }
    }
    return check.faulty;
  }

  /** Walks the node reached by {@code step} from the current place. */
  private void walk(YNode node, Object step) {
    walk.enter(step);
    if (node instanceof YMap map) {
      for (YMap.Entry e : map.entries()) {
        walk(e.value(), e.key());
      }
    } else if (node instanceof YSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        walk(seq.items().get(i), i);
      }
    } else if (node instanceof YScalar s) {
      scalar(s);
    }
    walk.leave();
  }

  private void scalar(YScalar s) {
    if (s.tag() != null) {
      TreePath at = walk.here();
      if (!tagIsFine(s, at)) {
        faulty.add(at);
        return;
      }
    }
    if (!inRange(s)) {
      TreePath at = walk.here();
      fault(
          Code.FM015,
          Places.field(at) + " is out of range: `" + shown(s.text()) + "`",
          s,
          at,
          "formation's counts, ports and times are whole numbers well below a billion");
    } else if (s.kind() == YScalar.Kind.STRING
        && controlAt(s.text()) >= 0
        && !(multiLine(s.text()) && walk.here().matches(QUERY))) {
      TreePath at = walk.here();
      int c = s.text().codePointAt(controlAt(s.text()));
      fault(
          Code.FM007,
          Places.field(at)
              + " holds the control character "
              + String.format("U+%04X", c)
              + ": `"
              + shown(s.text())
              + "`",
          s,
          at,
          "remove it; names and paths in a formation file are printable text");
    }
  }

  private boolean tagIsFine(YScalar s, TreePath at) {
    if (s.tag() == null) {
      return true;
    }
    YScalar.Kind tagged = CORE_TAGS.get(s.tag());
    if (tagged == s.kind()) {
      return true;
    }
    String message =
        tagged == null
            ? Places.field(at)
                + " has the YAML tag `"
                + s.tag()
                + "`, which formation does not read"
            : Places.field(at)
                + " has the YAML tag `"
                + s.tag()
                + "`, which turns "
                + s.kindWord()
                + " (`"
                + shown(s.text())
                + "`) into "
                + new YScalar(tagged, "", s.range()).kindWord();
    diags.error(
        Code.FM006,
        message,
        s.range(),
        "remove the tag: formation reads each value as it is written (`5` is a number, `\"5\"` a"
            + " string)");
    return false;
  }

  /** A value as quoted in a message: long ones cut, since the source line is shown anyway. */
  private static String shown(String text) {
    if (text.length() <= MAX_NUMBER_TEXT) {
      return text;
    }
    int cut =
        Character.isHighSurrogate(text.charAt(MAX_NUMBER_TEXT - 1))
            ? MAX_NUMBER_TEXT - 1
            : MAX_NUMBER_TEXT;
    return text.substring(0, cut) + "...";
  }

  private void fault(Code code, String message, YScalar s, TreePath at, String hint) {
    diags.error(code, message, s.range(), hint);
    faulty.add(at);
  }

  /**
   * Whether a number is one the schema validator and the fields can compare: finite, within the
   * 64-bit range, and not absurdly precise. Anything else is no value any field accepts.
   */
  static boolean inRange(YScalar s) {
    if (s.kind() != YScalar.Kind.INTEGER && s.kind() != YScalar.Kind.FLOAT) {
      return true;
    }
    if (s.text().length() > MAX_NUMBER_TEXT) {
      return false;
    }
    if (s.kind() == YScalar.Kind.INTEGER) {
      BigInteger v = JsonTree.integer(s.text());
      return v == null || v.bitLength() <= 63;
    }
    BigDecimal d = JsonTree.decimal(s.text());
    // `.inf` and `.nan` are no count either.
    return d != null && d.abs().compareTo(LARGEST) <= 0 && d.scale() <= MAX_SCALE;
  }

  /**
   * Where the first control character of {@code s} is, or -1: C0 and C1 controls, DEL, and the
   * invisible format characters (bidirectional overrides, zero-width marks) that make a terminal
   * show something other than what is there.
   */
  /** A backlog query, the one value that may run over several lines. */
  private static final String[] QUERY = {
    "apps", "*", "processes", "*", "autoscale", "queue", "postgres", "query"
  };

  /** Whether the only control characters are line breaks and tabs, as in an SQL query. */
  private static boolean multiLine(String s) {
    return controlAt(s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ')) < 0;
  }

  static int controlAt(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c)
          || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }
}
