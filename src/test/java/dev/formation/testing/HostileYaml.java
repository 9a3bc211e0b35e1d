package dev.formation.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates formation files meant to hurt, from a seed: a valid file with one to four mutations
 * (huge or non-finite numbers, wrong types, YAML tags, control characters and NUL, deep nesting,
 * aliases, unknown keys, raw byte damage). The same seed always gives the same text, so a failing
 * case is reproduced from its seed alone.
 *
 * <p>A small hand-made generator rather than a property-testing library: cases are plain seeds in a
 * loop, and shrinking is left to whoever reads the failing text (they are a few lines long).
 */
public final class HostileYaml {
  /** Scalars no field should accept, each as YAML source text. */
  static final List<String> HOSTILE_SCALARS =
      List.of(
          "2e19",
          "1e308",
          "1e400",
          "-1e400",
          "1e-400",
          "99999999999999999999",
          "-99999999999999999999",
          "9223372036854775807",
          "9223372036854775808",
          "2147483648",
          "-2147483649",
          "0x7fffffffffffffffffff",
          "0o777777777777777777777777",
          "1" + "0".repeat(400),
          "1e" + "9".repeat(60),
          ".inf",
          "-.inf",
          ".nan",
          "-0",
          "0.5",
          "1.0",
          "1_000",
          "~",
          "null",
          "true",
          "\"5\"",
          "'1'",
          "[]",
          "{}",
          "[1, 2]",
          "{a: 1}",
          "!!str 5",
          "!!int \"5\"",
          "!!float 1",
          "!!bool \"true\"",
          "!!null x",
          "!!binary aGVsbG8=",
          "!!timestamp 2001-12-14",
          "!custom 3",
          "! 5",
          "!!str standard-1x",
          "!<tag:yaml.org,2002:str> 7",
          "\"standard-1x\\r\\b\\b\\b\"",
          "\"standard-1x\\e[31m\"",
          "\"\\e]0;pwned\\a\"",
          "\"a\\0b\"",
          "\"./app\\0\"",
          "\"\\u202Estandard-1x\"",
          "\"standard\\x7f-1x\"",
          "\"\\x85\"",
          "\"\\u2028\"",
          "\"" + "x".repeat(5000) + "\"",
          "\"ℙerformance-m\"",
          "\"\"",
          "\" \"",
          "*nowhere",
          "|\n  block\n");

  private static final List<String> KEYS =
      List.of(
          "version",
          "apps",
          "platform",
          "prune",
          "local",
          "dir",
          "port",
          "processes",
          "size",
          "quantity",
          "autoscale",
          "min",
          "max",
          "p95_ms",
          "notify",
          "x-any",
          "<<",
          "quantiy",
          "\"we\\u0000b\"",
          "\"sh\\nop\"",
          "\"\\e[2J\"",
          "web",
          "worker",
          "shop",
          "demo");

  private static final String[] RAW_DAMAGE = {
    "\u0000",
    "\t",
    ":",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "\n",
    "&a ",
    "*a ",
    "!!",
    "%",
    "@",
    "`",
    "\u0007",
    "\u001b[31m",
    "\r",
    "\uFEFF",
    "#",
    ",",
    "? ",
    "<<: "
  };

  private final Random random;
  private final Map<Object, String> anchors = new java.util.IdentityHashMap<>();

  private HostileYaml(long seed) {
    this.random = new Random(seed);
  }

  /** The file for one seed. */
  public static String forSeed(long seed) {
    return new HostileYaml(seed).generate();
  }

  private String generate() {
    Map<String, Object> root = base();
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      mutateTree(root);
    }
    String text = render(root, 0);
    if (random.nextInt(4) == 0) {
      text = damage(text);
    }
    return text;
  }

  /** A valid file: a Heroku app with autoscaled web and a worker, and a local app. */
  private static Map<String, Object> base() {
    Map<String, Object> web = new LinkedHashMap<>();
    web.put("size", "performance-m");
    web.put("autoscale", new LinkedHashMap<>(Map.of("min", "2", "max", "8")));
    Map<String, Object> worker = new LinkedHashMap<>();
    worker.put("size", "standard-2x");
    worker.put("quantity", "3");
    Map<String, Object> shopProcesses = new LinkedHashMap<>();
    shopProcesses.put("web", web);
    shopProcesses.put("worker", worker);
    Map<String, Object> shop = new LinkedHashMap<>();
    shop.put("prune", "false");
    shop.put("processes", shopProcesses);
    Map<String, Object> local = new LinkedHashMap<>();
    local.put("dir", "./app");
    local.put("port", "5000");
    Map<String, Object> demoWeb = new LinkedHashMap<>();
    demoWeb.put("size", "standard-1x");
    demoWeb.put("quantity", "1");
    Map<String, Object> demo = new LinkedHashMap<>();
    demo.put("platform", "local");
    demo.put("local", local);
    demo.put("processes", new LinkedHashMap<>(Map.of("web", demoWeb)));
    Map<String, Object> apps = new LinkedHashMap<>();
    apps.put("shop-production", shop);
    apps.put("demo", demo);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", "1");
    root.put("apps", apps);
    return root;
  }

  @SuppressWarnings("unchecked")
  private void mutateTree(Map<String, Object> root) {
    List<Map<String, Object>> maps = new ArrayList<>();
    collect(root, maps);
    Map<String, Object> target = maps.get(random.nextInt(maps.size()));
    List<String> keys = new ArrayList<>(target.keySet());
    String key = keys.isEmpty() ? "x-empty" : keys.get(random.nextInt(keys.size()));
    switch (random.nextInt(7)) {
      case 0, 1, 2 -> target.put(key, pick(HOSTILE_SCALARS));
      case 3 -> target.put(pick(KEYS), random.nextBoolean() ? pick(HOSTILE_SCALARS) : "1");
      case 4 -> target.remove(key);
      case 5 -> target.put(key, deep(1 + random.nextInt(200)));
      default -> {
        // The same value twice through an anchor and an alias, or merged into a sibling.
        Object value = target.get(key);
        if (value instanceof Map<?, ?> m) {
          Map<String, Object> merged = new LinkedHashMap<>();
          anchors.putIfAbsent(m, "a" + anchors.size());
          merged.put("<<", new Alias((Map<String, Object>) m));
          target.put(key + "-copy", merged);
        } else {
          target.put(key, pick(HOSTILE_SCALARS));
        }
      }
    }
  }

  private Object deep(int depth) {
    Object node = pick(HOSTILE_SCALARS);
    boolean flow = random.nextBoolean();
    for (int i = 0; i < depth; i++) {
      node = flow ? new Flow(node) : new LinkedHashMap<>(Map.of("a", node));
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Map<String, Object> map, List<Map<String, Object>> into) {
    into.add(map);
    for (Object v : map.values()) {
      if (v instanceof Map<?, ?> m) {
        collect((Map<String, Object>) m, into);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private String render(Map<String, Object> map, int indent) {
    StringBuilder b = new StringBuilder();
    String pad = "  ".repeat(indent);
    for (Map.Entry<String, Object> e : map.entrySet()) {
      b.append(pad).append(e.getKey()).append(":");
      Object v = e.getValue();
      if (anchors.containsKey(v)) {
        b.append(" &").append(anchors.get(v));
      }
      if (v instanceof Map<?, ?> m && !m.isEmpty()) {
        b.append("\n").append(render((Map<String, Object>) m, indent + 1));
      } else if (v instanceof Map<?, ?>) {
        b.append(" {}\n");
      } else if (v instanceof Alias a) {
        b.append(" *").append(anchors.get(a.target())).append("\n");
      } else if (v instanceof Flow f) {
        b.append(" ").append(flow(f)).append("\n");
      } else {
        b.append(" ").append(indentBlock((String) v, indent + 1)).append("\n");
      }
    }
    return b.toString();
  }

  private static String flow(Flow f) {
    StringBuilder b = new StringBuilder();
    Object node = f;
    int depth = 0;
    while (node instanceof Flow inner) {
      b.append("[");
      node = inner.item();
      depth++;
    }
    String scalar = String.valueOf(node);
    b.append(scalar.startsWith("|") ? "x" : scalar);
    return b.append("]".repeat(depth)).toString();
  }

  private static String indentBlock(String scalar, int indent) {
    return scalar.replace("\n  ", "\n" + "  ".repeat(indent + 1));
  }

  private String damage(String text) {
    StringBuilder b = new StringBuilder(text);
    int cuts = 1 + random.nextInt(3);
    for (int i = 0; i < cuts && b.length() > 0; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.insert(at, RAW_DAMAGE[random.nextInt(RAW_DAMAGE.length)]);
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(8)));
        default -> {
          int end = b.indexOf("\n", at);
          int start = b.lastIndexOf("\n", at) + 1;
          if (end > start) {
            b.insert(end + 1, b.substring(start, end + 1));
          }
        }
      }
    }
    return b.toString();
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private record Alias(Map<String, Object> target) {}

  private record Flow(Object item) {}
}
