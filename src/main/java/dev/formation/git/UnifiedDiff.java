package dev.formation.git;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.collections4.sequence.CommandVisitor;
import org.apache.commons.collections4.sequence.SequencesComparator;

/**
 * A textual unified diff of two versions of one file ({@code ---}/{@code +++} headers, {@code @@}
 * hunks with three lines of context), from the shortest edit script of their lines.
 */
public final class UnifiedDiff {
  static final int CONTEXT = 3;

  private UnifiedDiff() {}

  private record Op(char mark, String line, int oldLine, int newLine) {}

  /**
   * The diff of {@code before} to {@code after}; empty when they are equal.
   *
   * @param before the old text, or {@code null} when the file did not exist
   * @param after the new text, or {@code null} when the file no longer exists
   */
  public static String of(String oldName, String before, String newName, String after) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Op> script = new ArrayList<>();
    new SequencesComparator<>(a, b)
        .getScript()
        .visit(
            new CommandVisitor<String>() {
              int i = 1;
              int j = 1;

              @Override
              public void visitKeepCommand(String line) {
                script.add(new Op(' ', line, i++, j++));
              }

              @Override
              public void visitDeleteCommand(String line) {
                script.add(new Op('-', line, i++, j));
              }

              @Override
              public void visitInsertCommand(String line) {
                script.add(new Op('+', line, i, j++));
              }
            });
    if (script.stream().allMatch(o -> o.mark() == ' ')) {
      return "";
    }
    List<Op> ops = deletionsFirst(script);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(before == null ? "/dev/null" : oldName).append('\n');
    out.append("+++ ").append(after == null ? "/dev/null" : newName).append('\n');
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k).mark() == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      // extend the hunk while the next change is within two contexts of the last one
      int lastChange = k;
      for (int m = k; m < ops.size(); m++) {
        if (ops.get(m).mark() != ' ') {
          if (m - lastChange > 2 * CONTEXT) {
            break;
          }
          lastChange = m;
        }
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      hunk(ops.subList(start, end), out);
      k = end;
    }
    return out.toString();
  }

  /** Within each run of changes, removed lines before added ones, as readers of diffs expect. */
  private static List<Op> deletionsFirst(List<Op> ops) {
    List<Op> out = new ArrayList<>();
    List<Op> added = new ArrayList<>();
    int i = 1;
    int j = 1;
    for (Op o : ops) {
      if (o.mark() == '+') {
        added.add(o);
        continue;
      }
      if (o.mark() == ' ') {
        for (Op a : added) {
          out.add(new Op('+', a.line(), i, j++));
        }
        added.clear();
        out.add(new Op(' ', o.line(), i++, j++));
      } else {
        out.add(new Op('-', o.line(), i++, j));
      }
    }
    for (Op a : added) {
      out.add(new Op('+', a.line(), i, j++));
    }
    return out;
  }

  private static void hunk(List<Op> ops, StringBuilder out) {
    int oldCount = (int) ops.stream().filter(o -> o.mark() != '+').count();
    int newCount = (int) ops.stream().filter(o -> o.mark() != '-').count();
    int oldStart = oldCount == 0 ? ops.get(0).oldLine() - 1 : ops.get(0).oldLine();
    int newStart = newCount == 0 ? ops.get(0).newLine() - 1 : ops.get(0).newLine();
    out.append("@@ -")
        .append(range(oldStart, oldCount))
        .append(" +")
        .append(range(newStart, newCount))
        .append(" @@\n");
    ops.forEach(o -> out.append(o.mark()).append(o.line()).append('\n'));
  }

  private static String range(int start, int count) {
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(body.split("\r?\n", -1));
  }
}
