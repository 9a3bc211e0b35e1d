package dev.formation.config;

import dev.formation.autoscale.QueueRule;
import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.DidYouMean;
import dev.formation.diag.SourceRange;
import java.util.List;

/** Reads one process type and checks the rules that concern it alone. */
final class ProcessReader {
  private final Catalog catalog;
  private final FieldReader read;
  private final Diagnostics diags;

  ProcessReader(Catalog catalog, FieldReader read) {
    this.catalog = catalog;
    this.read = read;
    this.diags = read.diags();
  }

  /**
   * @param platform the app's platform, or {@code null} when it names none formation knows
   */
  Drafts.Process read(YMap.Entry entry, TreePath at, PlatformKind platform) {
    String type = entry.key();
    YMap body = (YMap) entry.value();
    YNode sizeNode = body.get("size");
    Size size = size(sizeNode, at.then("size"), at);
    YNode quantityNode = body.get("quantity");
    Integer quantity = read.integer(quantityNode, at.then("quantity"), Code.FM040);
    YMap.Entry autoscaleEntry = body.entry("autoscale");
    AutoscaleSpec autoscale = null;
    if (autoscaleEntry != null && autoscaleEntry.value() instanceof YMap auto) {
      autoscale =
          autoscale(auto, at.then("autoscale"), type, size, autoscaleEntry.keyRange(), platform);
    }
    // A misspelt `quantity` or `autoscale` is reported as an unknown key with a "did you mean".
    boolean misspelt = read.faulty(at.then("quantity")) || read.faulty(at.then("autoscale"));
    if (autoscaleEntry == null && quantityNode == null && !misspelt) {
      diags.error(
          Code.FM012,
          "missing `quantity` " + Places.in(at),
          entry.keyRange(),
          "give a dyno count (`quantity: 1`), or an `autoscale` band");
    }
    SourceRange quantityAt = quantityNode == null ? null : quantityNode.range();
    if (quantity != null && autoscale != null) {
      if (!autoscale.contains(quantity)) {
        diags.error(
            Code.FM040,
            Places.field(at.then("quantity"))
                + " is "
                + quantity
                + ", outside the autoscale band "
                + autoscale.band(),
            quantityAt,
            "the starting count must lie between `min` and `max`, or leave `quantity` out");
      } else {
        diags.warning(
            Code.FM053,
            Places.field(at.then("quantity"))
                + " is only the starting count: the autoscaler"
                + " owns the count between "
                + autoscale.min()
                + " and "
                + autoscale.max(),
            quantityAt,
            "remove `quantity` to silence this warning");
      }
    } else if (quantity != null
        && autoscaleEntry == null
        && size != null
        && quantity > size.maxPerType()) {
      diags.error(
          Code.FM041,
          Places.field(at.then("quantity"))
              + " is "
              + quantity
              + ", but "
              + size.name()
              + " allows at most "
              + dynos(size.maxPerType())
              + " per process type",
          quantityAt,
          hintForTypeLimit(size));
    }
    SourceRange sizeAt = sizeNode == null ? entry.keyRange() : sizeNode.range();
    List<WindowSpec> schedule =
        new ScheduleReader(read)
            .read(body.entry("schedule"), at, size, autoscaleEntry != null, autoscale);
    return new Drafts.Process(
        type, entry.keyRange(), size, sizeAt, quantity, quantityAt, autoscale, schedule);
  }

  private Size size(YNode node, TreePath at, TreePath process) {
    String written = read.string(node, at);
    if (written == null) {
      return null;
    }
    if (written.isBlank()) {
      diags.error(
          Code.FM030,
          "empty size " + Places.in(process),
          node.range(),
          "write a catalogue size such as `standard-1x`; `formation sizes` lists them");
      return null;
    }
    var found = catalog.find(written);
    if (found.isPresent()) {
      return found.get();
    }
    var modern = catalog.replacementForLegacy(written);
    if (modern.isPresent()) {
      diags.error(
          Code.FM031,
          "size `" + written + "` " + Places.in(process) + " is a retired name",
          node.range(),
          "use `" + modern.get().name() + "`, its modern equivalent");
      return null;
    }
    String hint = DidYouMean.didYouMean(written, catalog.names());
    diags.error(
        Code.FM030,
        "unknown size `" + written + "` " + Places.in(process),
        node.range(),
        hint != null ? hint : "`formation sizes` lists the catalogue");
    return null;
  }

  private AutoscaleSpec autoscale(
      YMap auto, TreePath at, String type, Size size, SourceRange keyRange, PlatformKind platform) {
    YMap.Entry queueEntry = auto.entry("queue");
    QueueRule queue = null;
    if (queueEntry != null) {
      int before = diags.errorCount();
      queue = new QueueReader(read).read(queueEntry, at.then("queue"), platform);
      latencyBeside(auto, at, "p95_ms");
      latencyBeside(auto, at, "notify");
      if (queue == null || diags.errorCount() > before) {
        queue = null;
        band(auto, at, size); // the band's own mistakes, reported all at once
        return null;
      }
    } else if (!type.equals("web")) {
      diags.error(
          Code.FM050,
          "autoscale on process type `"
              + type
              + "` without a `queue` rule; only `web` can"
              + " autoscale on response time",
          keyRange,
          "give `" + type + "` a queue rule (`queue: {redis: ..., per_dyno: 50}`) or a quantity");
    }
    if (queue == null && size != null && !size.autoscale()) {
      diags.error(
          Code.FM051,
          "autoscale needs a performance, private or shield size, not " + size.name(),
          keyRange,
          "use e.g. `size: performance-m`, a `queue` rule (any size), or a `quantity`");
    }
    int[] band = band(auto, at, size);
    if (band == null) {
      return null;
    }
    if (queue != null) {
      return new AutoscaleSpec(band[0], band[1], AutoscaleSpec.DEFAULT_P95_MS, false, queue);
    }
    YNode p95Node = auto.get("p95_ms");
    Integer p95 = read.integer(p95Node, at.then("p95_ms"), Code.FM052);
    boolean notify = read.bool(auto.get("notify"), false);
    if (p95Node != null && p95 == null) {
      return null;
    }
    return new AutoscaleSpec(
        band[0], band[1], p95 == null ? AutoscaleSpec.DEFAULT_P95_MS : p95, notify);
  }

  /** A p95 setting beside a queue rule: a type autoscales on one or the other. */
  private void latencyBeside(YMap auto, TreePath at, String key) {
    YMap.Entry e = auto.entry(key);
    if (e != null) {
      diags.error(
          Code.FM045,
          "`"
              + key
              + "` "
              + Places.in(at)
              + " belongs to autoscaling on response time, but the type autoscales on its"
              + " `queue`",
          e.keyRange(),
          "a type autoscales on p95 or on a queue, not both: remove `" + key + "`");
    }
  }

  /** The band {@code {min, max}}, checked against the size's limit, or {@code null}. */
  private int[] band(YMap auto, TreePath at, Size size) {
    Integer min = read.integer(auto.get("min"), at.then("min"), Code.FM052);
    Integer max = read.integer(auto.get("max"), at.then("max"), Code.FM052);
    if (min == null || max == null) {
      return null;
    }
    if (max < min) {
      diags.error(
          Code.FM052,
          "autoscale `max` (" + max + ") is below `min` (" + min + ") " + Places.in(parent(at)),
          auto.get("max").range(),
          "`max` must be at least `min`");
      return null;
    }
    if (size != null && max > size.maxPerType()) {
      diags.error(
          Code.FM052,
          "autoscale `max` ("
              + max
              + ") is over the limit of "
              + size.maxPerType()
              + " "
              + size.name()
              + " dynos per process type",
          auto.get("max").range(),
          "lower `max` to " + size.maxPerType() + " or less");
      return null;
    }
    return new int[] {min, max};
  }

  private static String dynos(int n) {
    return n == 1 ? "1 dyno" : n + " dynos";
  }

  private static TreePath parent(TreePath at) {
    return new TreePath(at.steps().subList(0, at.size() - 1));
  }

  private static String hintForTypeLimit(Size size) {
    return size.maxPerType() == 1
        ? size.name() + " runs one dyno per process type; use a standard size for more"
        : "lower the quantity, or use a size with a higher limit";
  }
}
