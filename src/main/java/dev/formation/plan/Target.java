package dev.formation.plan;

/**
 * What {@code --target APP[.TYPE]} narrows a plan to: a whole app, or one process type of it.
 *
 * @param type the process type, or {@code null} for the whole app
 */
public record Target(String app, String type) {
  public Target {
    if (app == null || app.isEmpty() || (type != null && type.isEmpty())) {
      throw new IllegalArgumentException("a target names an app, and a type only if not empty");
    }
  }

  /** {@code APP} or {@code APP.TYPE}, as the command line and a saved plan write it. */
  public String word() {
    return type == null ? app : app + "." + type;
  }

  /** Reads {@link #word()} back: the type is what follows the last dot. */
  public static Target parse(String word) {
    int dot = word.lastIndexOf('.');
    return dot < 0
        ? new Target(word, null)
        : new Target(word.substring(0, dot), word.substring(dot + 1));
  }
}
