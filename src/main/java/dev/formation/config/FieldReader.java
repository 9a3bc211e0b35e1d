package dev.formation.config;

import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.math.BigInteger;
import java.util.Set;

/**
 * Reads typed values out of the tree for the semantic checks, staying quiet about places the schema
 * already reported, so one mistake gives one diagnostic. Platform providers read their blocks with
 * it.
 */
public final class FieldReader {
  private final Set<TreePath> faulty;
  private final Diagnostics diags;

  FieldReader(Set<TreePath> faulty, Diagnostics diags) {
    this.faulty = faulty;
    this.diags = diags;
  }

  public Diagnostics diags() {
    return diags;
  }

  public boolean faulty(TreePath at) {
    return faulty.contains(at);
  }

  /**
   * A whole number, or {@code null}. The schema accepts a float with no fraction ({@code 1e9},
   * {@code 2.0}) as an integer; formation does not, because nobody means a dyno count that way.
   */
  public Integer integer(YNode node, TreePath at, Code code) {
    if (!(node instanceof YScalar s) || faulty(at)) {
      return null;
    }
    if (s.kind() == YScalar.Kind.FLOAT) {
      diags.error(
          code,
          Places.field(at) + " must be written as a whole number, not `" + s.text() + "`",
          s.range(),
          null);
      return null;
    }
    if (s.kind() != YScalar.Kind.INTEGER) {
      return null;
    }
    BigInteger v = JsonTree.integer(s.text());
    if (v == null) {
      return null;
    }
    if (v.bitLength() > 31) {
      diags.error(
          code, Places.field(at) + " is far too large: `" + s.text() + "`", s.range(), null);
      return null;
    }
    return v.intValue();
  }

  /** A string, or {@code null} when absent or not a string (which the schema reports). */
  public String string(YNode node, TreePath at) {
    return node instanceof YScalar s && s.kind() == YScalar.Kind.STRING && !faulty(at)
        ? s.text()
        : null;
  }

  public boolean bool(YNode node, boolean otherwise) {
    return node instanceof YScalar s && s.kind() == YScalar.Kind.BOOLEAN
        ? Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT))
        : otherwise;
  }
}
