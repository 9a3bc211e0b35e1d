package dev.formation.config;

/** How a place in the config tree is named in messages ("in process `web` of app `shop`"). */
final class Places {
  private Places() {}

  /** Where an object is: "at the top level", "in app `shop`", "in process `web` of app `shop`". */
  static String in(TreePath p) {
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
    if (p.matches("apps", "*", "local")) {
      return "in `local` of app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "kubernetes")) {
      return "in `kubernetes` of app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "kubernetes", "*")) {
      return "in `kubernetes." + p.name(3) + "` of app `" + p.name(1) + "`";
    }
    if (p.matches("apps", "*", "kubernetes", "sizes", "*")) {
      return "in size " + p.name(4) + " of `kubernetes.sizes` (app `" + p.name(1) + "`)";
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
  static String field(TreePath p) {
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
    return "`" + p.last() + "` " + in(parent);
  }

  /** "in window 2 of process `web` (app `shop`)": a list item, counted from 1. */
  private static String window(TreePath p) {
    String n = String.valueOf(Integer.parseInt(p.name(5)) + 1);
    return "in window " + n + " of process `" + p.name(3) + "` (app `" + p.name(1) + "`)";
  }

  static String process(String app, String type) {
    return "in process `" + type + "` of app `" + app + "`";
  }
}
