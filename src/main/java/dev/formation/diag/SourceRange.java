package dev.formation.diag;

/**
 * Where something stands in a source file: 1-based line and column of its start and end.
 *
 * <p>{@code file} is the name shown to the user (a path as given, or {@code REF:path} for a file
 * read from git).
 */
public record SourceRange(String file, int line, int column, int endLine, int endColumn) {
  public SourceRange {
    if (file == null) {
      throw new IllegalArgumentException("file is required");
    }
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
    if (endLine < line || (endLine == line && endColumn < column)) {
      endLine = line;
      endColumn = column;
    }
  }

  /** A range that covers one point. */
  public static SourceRange at(String file, int line, int column) {
    return new SourceRange(file, line, column, line, column);
  }

  /** A range for a whole file, pointing at its first character. */
  public static SourceRange file(String file) {
    return at(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
