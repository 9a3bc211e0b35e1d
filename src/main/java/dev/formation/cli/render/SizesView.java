package dev.formation.cli.render;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Generation;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.catalog.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders the size catalogue as an aligned text table or as JSON. */
public final class SizesView {
  /** Bumped only when a field of the JSON output changes meaning or disappears. */
  public static final int FORMAT_VERSION = 1;

  private SizesView() {}

  public static String text(List<Size> sizes) {
    Table table =
        new Table(
            List.of("SIZE", "TIER", "MEMORY", "$/MONTH", "MAX/TYPE", "AUTOSCALE", "GENERATION"),
            List.of(false, false, true, true, true, false, false));
    boolean anyEco = false;
    for (Size s : sizes) {
      boolean eco = s.tier() == Tier.ECO;
      anyEco |= eco;
      table.row(
          s.name(),
          s.tier().word(),
          s.memoryText(),
          eco
              ? "$0 (+" + Money.usd(Catalog.ECO_POOL_USD_PER_MONTH) + " pool)*"
              : Money.usd(s.usdPerMonth()),
          String.valueOf(s.maxPerType()),
          s.autoscale() ? "yes" : "no",
          word(s.generation()));
    }
    StringBuilder sb = new StringBuilder(table.render()).append('\n');
    if (anyEco) {
      sb.append("* Eco dynos add $0 each; the account pays $")
          .append(Catalog.ECO_POOL_USD_PER_MONTH)
          .append(" a month for a pool of eco hours.\n")
          .append("  At most ")
          .append(Catalog.MAX_ECO_RUNNING_PER_APP)
          .append(" eco dynos run at once in one app.\n");
    }
    sb.append("Apps run at most ");
    for (Generation g : Generation.values()) {
      sb.append(g.ordinal() == 0 ? "" : ", ")
          .append(g.maxDynosPerApp())
          .append(" dynos on ")
          .append(capitalised(g));
    }
    sb.append(".\n")
        .append("An app's sizes must all come from one group:\n  ")
        .append(String.join(" | ", groups(sizes)))
        .append("\n")
        .append(
            "Prices are list prices per dyno-month; those beyond Performance-L are estimates.\n");
    return sb.toString();
  }

  public static String json(List<Size> sizes) {
    JsonMapper mapper = JsonMapper.shared();
    ObjectNode root = mapper.createObjectNode();
    root.put("kind", "formation-sizes");
    root.put("format_version", FORMAT_VERSION);
    root.put("currency", "USD");
    root.put("eco_pool_usd_per_month", Catalog.ECO_POOL_USD_PER_MONTH);
    root.put("max_eco_running_per_app", Catalog.MAX_ECO_RUNNING_PER_APP);
    ArrayNode generations = root.putArray("generations");
    for (Generation g : Generation.values()) {
      generations.addObject().put("name", word(g)).put("max_dynos_per_app", g.maxDynosPerApp());
    }
    ArrayNode array = root.putArray("sizes");
    for (Size s : sizes) {
      array
          .addObject()
          .put("name", s.name())
          .put("tier", s.tier().word())
          .put("tier_group", s.tier().group())
          .put("memory_mb", s.memoryMb())
          .put("usd_per_month", s.usdPerMonth())
          .put("max_per_type", s.maxPerType())
          .put("autoscale", s.autoscale())
          .put("generation", word(s.generation()));
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static List<String> groups(List<Size> sizes) {
    return sizes.stream().map(s -> s.tier().group()).distinct().toList();
  }

  private static String word(Generation g) {
    return g.name().toLowerCase(Locale.ROOT);
  }

  private static String capitalised(Generation g) {
    String w = word(g);
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /**
   * A platform's size map (what each size requests where sizes are resources): size, CPU request,
   * memory request and limit.
   */
  public static String sizeMapText(Map<String, Resources> sizes) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-18s %-10s %s%n", "SIZE", "CPU", "MEMORY (request = limit)"));
    for (Map.Entry<String, Resources> e : sizes.entrySet()) {
      Resources r = e.getValue();
      out.append(
          String.format(
              "%-18s %-10s %s%n",
              e.getKey(),
              Resources.cpuQuantity(r.cpuMillis()),
              Resources.memoryQuantity(r.memoryBytes())));
    }
    return out.toString();
  }

  /**
   * A platform's size map as JSON ({@code schemas/sizes.schema.json}): {@code {"kind":
   * "formation-kubernetes-sizes", "format_version": 1, "sizes": [{name, cpu, memory}]}}.
   */
  public static String sizeMapJson(Map<String, Resources> sizes) {
    ObjectNode root = JsonMapper.shared().createObjectNode();
    root.put("kind", "formation-kubernetes-sizes");
    root.put("format_version", FORMAT_VERSION);
    ArrayNode list = root.putArray("sizes");
    for (Map.Entry<String, Resources> e : sizes.entrySet()) {
      Resources r = e.getValue();
      list.addObject()
          .put("name", e.getKey())
          .put("cpu", Resources.cpuQuantity(r.cpuMillis()))
          .put("memory", Resources.memoryQuantity(r.memoryBytes()));
    }
    return root.toPrettyString() + "\n";
  }
}
