package dev.formation.config.edit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One requested change of a process type, as the Heroku CLI writes it: {@code web=3}, {@code
 * worker+1}, {@code worker-1}, {@code web=performance-m}, {@code web=2:standard-2x}.
 *
 * @param type the process type
 * @param quantity the new count, or {@code null} when it is relative or unchanged
 * @param delta the change of the count ({@code +1}, {@code -1}), or {@code null}
 * @param size the new size as written by the user, or {@code null} when unchanged
 */
public record ScaleEdit(String type, Integer quantity, Integer delta, String size) {
  private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][-A-Za-z0-9_]*");
  private static final Pattern RELATIVE = Pattern.compile("(.+)([+-])([0-9]{1,6})(?::(.+))?");
  private static final Pattern ABSOLUTE = Pattern.compile("([0-9]{1,6})(?::(.+))?");

  public ScaleEdit {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("not a process type: " + type);
    }
    if (quantity != null && delta != null) {
      throw new IllegalArgumentException("a count is either set or changed, not both");
    }
    if (quantity != null && quantity < 0) {
      throw new IllegalArgumentException("a count is 0 or more: " + quantity);
    }
    if (quantity == null && delta == null && size == null) {
      throw new IllegalArgumentException("an edit changes the count or the size");
    }
    if (size != null && size.isBlank()) {
      throw new IllegalArgumentException("an empty size");
    }
  }

  /** Whether {@code name} can be a process type of an edit. */
  public static boolean isType(String name) {
    return name != null && TYPE.matcher(name).matches();
  }

  /** The edit a command-line word asks for, or empty when the word is not one. */
  public static Optional<ScaleEdit> parse(String word) {
    int eq = word.indexOf('=');
    if (eq > 0) {
      String type = word.substring(0, eq);
      String value = word.substring(eq + 1);
      if (!TYPE.matcher(type).matches() || value.isEmpty()) {
        return Optional.empty();
      }
      Matcher abs = ABSOLUTE.matcher(value);
      if (abs.matches()) {
        String size = abs.group(2);
        return Optional.of(new ScaleEdit(type, Integer.parseInt(abs.group(1)), null, size));
      }
      return value.contains(":") || value.isBlank()
          ? Optional.empty()
          : Optional.of(new ScaleEdit(type, null, null, value));
    }
    Matcher rel = RELATIVE.matcher(word);
    if (rel.matches() && TYPE.matcher(rel.group(1)).matches()) {
      int n = Integer.parseInt(rel.group(3));
      String size = rel.group(4);
      if (size != null && size.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(
          new ScaleEdit(rel.group(1), null, "-".equals(rel.group(2)) ? -n : n, size));
    }
    return Optional.empty();
  }

  /** The word as the Heroku CLI would write it. */
  public String word() {
    String count =
        quantity != null ? "=" + quantity : delta != null ? (delta < 0 ? "" : "+") + delta : "";
    if (size == null) {
      return type + count;
    }
    return count.isEmpty() ? type + "=" + size : type + count + ":" + size;
  }

  /** Whether the count changes. */
  public boolean countChanges() {
    return quantity != null || delta != null;
  }
}
