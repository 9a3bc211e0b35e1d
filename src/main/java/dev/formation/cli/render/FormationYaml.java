package dev.formation.cli.render;

import dev.formation.autoscale.Durations;
import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import dev.formation.catalog.Catalog;
import dev.formation.catalog.NearestSize;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.PlatformKind;
import dev.formation.config.yaml.YamlQuoting;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * formation.yaml for live apps, as {@code formation import} prints it: every process type with its
 * size and count, and the web autoscaler where one is on, so that a plan of the result shows no
 * changes.
 */
public final class FormationYaml {
  private final Catalog catalog;

  public FormationYaml(Catalog catalog) {
    this.catalog = catalog;
  }

  public String render(List<LiveApp> apps, PlatformKind platform) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Imported from the live platform by `formation import`.\n");
    sb.append("version: 1\napps:\n");
    for (LiveApp app : apps) {
      sb.append("  ").append(scalar(app.name())).append(":\n");
      sb.append("    platform: ").append(platform.word()).append('\n');
      Map<String, Object> block = platform.importBlock(app);
      if (block != null) {
        sb.append("    ").append(platform.blockKey()).append(": {");
        String sep = "";
        for (Map.Entry<String, Object> e : block.entrySet()) {
          Object v = e.getValue();
          sb.append(sep).append(e.getKey()).append(": ");
          sb.append(v instanceof String text ? YamlQuoting.doubleQuoted(text) : String.valueOf(v));
          sep = ", ";
        }
        sb.append("}\n");
      }
      sb.append("    processes:\n");
      app.processes().stream()
          .sorted(Comparator.comparing(LiveProcess::type))
          .forEach(p -> process(sb, p, app, platform));
    }
    return sb.toString();
  }

  private void process(StringBuilder sb, LiveProcess p, LiveApp app, PlatformKind platform) {
    LiveMonitor monitor = app.monitor();
    String size = catalog.find(p.size()).map(s -> s.name()).orElse(p.size());
    sb.append("      ").append(scalar(p.type())).append(":\n");
    if (LiveProcess.CUSTOM.equals(p.size()) && p.resources() != null) {
      // a size validate accepts, never `custom`: the nearest of the map, and what was requested
      boolean autoscaled = p.type().equals("web") && monitor != null && monitor.active();
      List<Size> others =
          app.processes().stream()
              .map(o -> catalog.find(o.size()))
              .flatMap(Optional::stream)
              .toList();
      Map<String, Resources> sizeMap = platform.sizeMap();
      Size nearest =
          NearestSize.pick(catalog, sizeMap, p.resources(), others, p.quantity(), autoscaled);
      size = nearest.name();
      boolean nothing = p.resources().cpuMillis() == 0 && p.resources().memoryBytes() == 0;
      sb.append("        # the Deployment ")
          .append(
              nothing
                  ? "requests no CPU or memory; " + size + " is the import's default"
                  : "requests "
                      + p.resources().describe()
                      + ", which no size matches; "
                      + size
                      + " is the nearest")
          .append(" (")
          .append(sizeMap.get(nearest.name()).describe())
          .append(
              "): a plan of this file sets it, or add the exact one under `kubernetes.sizes`\n");
    }
    sb.append("        size: ").append(scalar(size)).append('\n');
    AutoscaleSpec queued = platform.importAutoscale(app, p.type());
    if (queued != null) {
      queue(sb, queued);
      sb.append("        # the autoscaler owns the count (")
          .append(p.quantity())
          .append(" when imported)\n");
    } else if (p.type().equals("web") && monitor != null && monitor.active()) {
      sb.append("        autoscale: {min: ").append(monitor.min()).append(", max: ");
      sb.append(monitor.max());
      if (monitor.metric() == null) {
        sb.append(", p95_ms: ")
            .append(monitor.p95Ms())
            .append(", notify: ")
            .append(monitor.notifyApp());
      } else if (monitor.p95Ms() > 0) {
        sb.append(", p95_ms: ").append(monitor.p95Ms());
      }
      sb.append("}\n");

      sb.append("        # the autoscaler owns the count (")
          .append(p.quantity())
          .append(" when imported)\n");
    } else {
      sb.append("        quantity: ").append(p.quantity()).append('\n');
    }
  }

  /** A queue rule's autoscale block, as the file format writes it (docs/autoscaling.md). */
  private static void queue(StringBuilder sb, AutoscaleSpec spec) {
    QueueRule rule = spec.queue();
    QueueSource source = rule.source();
    sb.append("        autoscale:\n");
    sb.append("          min: ").append(spec.min()).append('\n');
    sb.append("          max: ").append(spec.max()).append('\n');
    sb.append("          queue:\n");
    StringBuilder fields = new StringBuilder("url_env: ").append(scalar(source.urlEnv()));
    if (source.secret() != null) {
      fields.append(", secret: ").append(YamlQuoting.doubleQuoted(source.secret()));
    }
    if (source instanceof QueueSource.Redis r) {
      fields.append(", list: [");
      fields.append(String.join(", ", r.lists().stream().map(YamlQuoting::doubleQuoted).toList()));
      sb.append("            redis: {").append(fields).append("]}\n");
    } else {
      fields
          .append(", query: ")
          .append(YamlQuoting.doubleQuoted(((QueueSource.Postgres) source).query()));
      sb.append("            postgres: {").append(fields).append("}\n");
    }
    sb.append("            per_dyno: ").append(rule.perDyno()).append('\n');
    sb.append("            scale_down_after: ")
        .append(Durations.format(rule.scaleDownAfter()))
        .append('\n');
    sb.append("            interval: ").append(Durations.format(rule.interval())).append('\n');
  }

  /**
   * A name from the platform as a YAML scalar: plain when it is a plain word, else double-quoted
   * with YAML escapes, so a name holding a line break, a colon or an escape cannot add keys to the
   * file or act on the terminal.
   */
  static String scalar(String s) {
    if (s != null
        && s.matches("[A-Za-z0-9][-A-Za-z0-9_.]*")
        && !s.matches("[-+]?[0-9._]*([eE][-+]?[0-9]+)?|(?i)true|false|null|yes|no|on|off|y|n")) {
      return s;
    }
    StringBuilder b = new StringBuilder("\"");
    String text = String.valueOf(s);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Printable.unsafe(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
