package dev.formation.config;

import java.util.Locale;

/**
 * What formation can check of a backlog query without running it: one statement, a {@code SELECT}
 * or a {@code WITH ... SELECT}. Whether it returns one number only the database can say; the
 * controller refuses an answer that is not one (docs/autoscaling.md).
 */
final class SqlShape {
  private SqlShape() {}

  /** What is wrong with the query's shape, in words after its place; {@code null} when nothing. */
  static String problem(String query) {
    String body = withoutComments(query).strip();
    while (body.endsWith(";")) {
      body = body.substring(0, body.length() - 1).strip();
    }
    if (body.isEmpty()) {
      return "is empty";
    }
    if (hasSeparator(body)) {
      return "holds more than one statement";
    }
    String first = body.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
    if (!first.equals("SELECT") && !first.equals("WITH")) {
      return "starts with `" + first + "`, not SELECT or WITH: the backlog is read, never written";
    }
    return null;
  }

  /** Whether a {@code ;} outside quotes separates two statements. */
  private static boolean hasSeparator(String sql) {
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ';') {
        return true;
      }
    }
    return false;
  }

  /** The query without {@code --} line comments and {@code /* *}{@code /} block comments. */
  private static String withoutComments(String sql) {
    StringBuilder b = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        b.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        b.append(c);
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end - 1;
        b.append(' ');
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 1;
        b.append(' ');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
