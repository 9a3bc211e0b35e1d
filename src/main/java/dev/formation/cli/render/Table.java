package dev.formation.cli.render;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell, two spaces apart. */
public final class Table {
  private final List<String> headers;
  private final List<Boolean> rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * @param headers the column titles
   * @param rightAligned for each column, whether its cells line up on the right (numbers)
   */
  public Table(List<String> headers, List<Boolean> rightAligned) {
    if (headers.size() != rightAligned.size()) {
      throw new IllegalArgumentException("one alignment per header");
    }
    this.headers = List.copyOf(headers);
    this.rightAligned = List.copyOf(rightAligned);
  }

  public Table row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells");
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The table as lines ending in {@code \n}, without trailing spaces. */
  public String render() {
    int[] widths = new int[headers.size()];
    for (List<String> r : all()) {
      for (int i = 0; i < r.size(); i++) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : all()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(widths[i] - r.get(i).length());
        line.append(rightAligned.get(i) ? pad + r.get(i) : r.get(i) + pad);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private List<List<String>> all() {
    List<List<String>> all = new ArrayList<>();
    all.add(headers);
    all.addAll(rows);
    return all;
  }
}
