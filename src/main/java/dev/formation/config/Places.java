package dev.formation.config;

/** How a place in the config tree is named in messages ("in process `web` of app `shop`"). */
public final class Places {
  private Places() {}

  /** Where an object is: "at the top level", "in app `shop`", "in process `web` of app `shop`". */
  public static String in(TreePath p) {
    if (p.size() == 0) {
      return "at the top level";
    }
    if (p.matches("apps")) {
      return "under `apps`";
    }
    if (p.matches("apps", "*")) {
      return "in app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "processes")) {
      return "under `processes` of app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "processes", "*")) {
      return process(p.name(1), p.name(3));
    }
    if (p.matches("apps", "*", "processes", "*", "autoscale")) {
      return "in `autoscale` of process `" + p.name(3) + "` (app `" + p.name(1) + "`)";
    }
    if (p.matches("apps", "*", "processes", "*", "autoscale", "queue")) {
      return "in the `queue` rule of process `" + p.name(3) + "` (app `" + p.name(1) + "`)";
    }
    if (p.matches("apps", "*", "processes", "*", "autoscale", "queue", "*")) {
      return "in `queue."
          + p.name(6)
          + "` of process `"
          + p.name(3)
          + "` (app `"
          + p.name(1)
          + "`)";
    }
    if (p.matches("apps", "*", "*") && block(p)) {
      return "in `" + p.name(2) + "` of app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "*", "*") && block(p)) {
      return "in `" + p.name(2) + "." + p.name(3) + "` of app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "*", "sizes", "*") && block(p)) {
      return "in size " + p.name(4) + " of `" + p.name(2) + ".sizes` (app `" + p.name(1) + "`)";
    }
    if (p.matches("guardrails")) {
      return "in the top-level `guardrails`";
    }
    if (p.matches("apps", "*", "guardrails")) {
      return "in `guardrails` of app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "processes", "*", "schedule")) {
      return "in `schedule` of process `" + p.name(3) + "` (app `" + p.name(1) + "`)";
    }
    if (p.matches("apps", "*", "processes", "*", "schedule", "*")) {
      return window(p);
    }
    if (p.matches("apps", "*", "processes", "*", "schedule", "*", "autoscale")) {
      return "in `autoscale` of " + window(p).substring(3);
    }
    return "at `" + p + "`";
  }

  /** A value: "`quantity` in process `web` of app `shop`". */
  public static String field(TreePath p) {
    if (p.size() == 0) {
      return "the file";
    }
    TreePath parent = new TreePath(p.steps().subList(0, p.size() - 1));
    if (p.size() == 2 && p.name(0).equals("apps")) {
      return "app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "processes", "*")) {
      return "process `" + p.name(3) + "` of app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "processes", "*", "schedule", "*")) {
      return window(p).substring(3);
    }
    if (p.matches("apps", "*", "processes", "*", "autoscale", "queue")) {
      return "the `queue` rule of process `" + p.name(3) + "` (app `" + p.name(1) + "`)";
    }
    if (p.matches("apps", "*", "processes", "*", "autoscale", "queue", "*")) {
      return "`queue." + p.name(6) + "` of process `" + p.name(3) + "` (app `" + p.name(1) + "`)";
    }
    return "`" + p.last() + "` " + in(parent);
  }

  /** "in window 2 of process `web` (app `shop`)": a list item, counted from 1. */
  private static String window(TreePath p) {
    String n = String.valueOf(Integer.parseInt(p.name(5)) + 1);
    return "in window " + n + " of process `" + p.name(3) + "` (app `" + p.name(1) + "`)";
  }

  /** Whether the path lies in a platform's own block of an app. */
  private static boolean block(TreePath p) {
    String key = p.name(2);
    return PlatformKind.all().stream().anyMatch(k -> key.equals(k.blockKey()));
  }

  static String process(String app, String type) {
    return "in process `" + type + "` of app `" + app + "`";
  }
}
