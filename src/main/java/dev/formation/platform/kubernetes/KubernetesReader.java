package dev.formation.platform.kubernetes;

import dev.formation.autoscale.Durations;
import dev.formation.catalog.Catalog;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.config.AppBlock;
import dev.formation.config.FieldReader;
import dev.formation.config.Places;
import dev.formation.config.PlatformKind;
import dev.formation.config.TreePath;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.DidYouMean;
import dev.formation.diag.SourceRange;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks an app's {@code kubernetes} block: present only on {@code platform: kubernetes},
 * a Deployment template that names {@code {type}} and makes valid names, a size map of catalogue
 * sizes and Kubernetes quantities, prices for every size the app uses.
 */
final class KubernetesReader {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:.\\-/]{0,252}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

  private final Catalog catalog;
  private final FieldReader read;
  private final Diagnostics diags;

  KubernetesReader(AppBlock block) {
    this.catalog = block.catalog();
    this.read = block.read();
    this.diags = block.diags();
  }

  /** Reports a {@code kubernetes} block on an app of another platform. */
  void refuse(AppBlock block, PlatformKind actual) {
    diags.error(
        Code.FM064,
        "`kubernetes` is only for `platform: kubernetes` apps; app `"
            + block.app()
            + "` is on "
            + actual.word(),
        block.entry().keyRange(),
        "remove the `kubernetes` block, or set `platform: kubernetes`");
  }

  /**
   * The app's Kubernetes settings: the block's (or the defaults, when the app has none), {@code
   * null} when the block has errors (they are reported).
   */
  KubernetesSpec read(AppBlock block) {
    String app = block.app();
    YMap body = block.body();
    TreePath at = block.at();
    YMap.Entry entry = block.entry();
    YMap map = entry != null && entry.value() instanceof YMap m ? m : null;
    if (entry != null && map == null) {
      return null; // the schema reported its type
    }
    TreePath k = at.then("kubernetes");
    int before = diags.errorCount();
    String context = text(map, "context", k);
    String namespace = name(map, "namespace", k, LABEL, "a DNS label: `shop`, `shop-prod`");
    String container = name(map, "container", k, LABEL, "a container name: `app`, `web`");
    String metric = name(map, "p95_metric", k, METRIC, "a metric name: `http_p95_ms`");
    String template = template(app, map, k, body, at);
    Map<String, Resources> sizes = sizes(map, k);
    Map<String, Long> prices = prices(map, k);
    notifyOff(body, at);
    kedaLimits(body, at);
    if (prices != null && !prices.isEmpty()) {
      pricesCover(app, prices, body, at);
    }
    if (diags.errorCount() > before || template == null || sizes == null || prices == null) {
      return null;
    }
    return new KubernetesSpec(context, namespace, template, container, metric, sizes, prices);
  }

  private String text(YMap map, String key, TreePath at) {
    return map == null ? null : read.string(map.get(key), at.then(key));
  }

  private String name(YMap map, String key, TreePath at, Pattern valid, String example) {
    String value = text(map, key, at);
    if (value != null && !value.isEmpty() && !valid.matcher(value).matches()) {
      diags.error(
          Code.FM064,
          Places.field(at.then(key)) + " is not a valid name: `" + value + "`",
          map.get(key).range(),
          "write " + example);
      return null;
    }
    return value;
  }

  private String template(String app, YMap map, TreePath at, YMap body, TreePath appAt) {
    YNode node = map == null ? null : map.get("deployment");
    String template = node == null ? KubernetesSpec.DEFAULT_TEMPLATE : text(map, "deployment", at);
    if (template == null || template.isEmpty()) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!m.group(1).equals("app") && !m.group(1).equals("type")) {
        diags.error(
            Code.FM065,
            "the Deployment template `"
                + template
                + "` of app `"
                + app
                + "` has an unknown placeholder `"
                + m.group()
                + "`",
            node.range(),
            "only `{app}` and `{type}` are filled in, e.g. `{app}-{type}`");
        return null;
      }
    }
    if (!template.contains("{type}")) {
      diags.error(
          Code.FM065,
          "the Deployment template `" + template + "` of app `" + app + "` has no `{type}`",
          node.range(),
          "each process type needs its own Deployment: write e.g. `{app}-{type}` or `{type}`");
      return null;
    }
    if (body.get("processes") instanceof YMap processes) {
      for (YMap.Entry p : processes.entries()) {
        String name = KubernetesSpec.deploymentName(template, app, p.key());
        if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
          diags.error(
              Code.FM065,
              "process type `"
                  + p.key()
                  + "` of app `"
                  + app
                  + "` would be the Deployment `"
                  + name
                  + "`, which Kubernetes does not accept as a name",
              p.keyRange(),
              "Deployment names are lower-case letters, digits, `-` and `.`; rename the type or"
                  + " change `deployment` under `kubernetes`");
        }
      }
    }
    return template;
  }

  /** The full size map: every catalogue size with its default, then the block's overrides. */
  private Map<String, Resources> sizes(YMap map, TreePath at) {
    Map<String, Resources> sizes = new LinkedHashMap<>(SizeMap.standard());
    if (map == null || !(map.get("sizes") instanceof YMap overrides)) {
      return sizes;
    }
    boolean ok = true;
    for (YMap.Entry e : overrides.entries()) {
      Optional<Size> size = size(e.key(), e.keyRange());
      if (size.isEmpty() || !(e.value() instanceof YMap values)) {
        ok = false;
        continue;
      }
      Resources base = sizes.get(size.get().name());
      Long cpu = quantity(values, "cpu", size.get(), true);
      Long memory = quantity(values, "memory", size.get(), false);
      if (cpu == null || memory == null) {
        ok = false;
        continue;
      }
      sizes.put(
          size.get().name(),
          new Resources(
              cpu < 0 ? base.cpuMillis() : cpu, memory < 0 ? base.memoryBytes() : memory));
    }
    return ok ? sizes : null;
  }

  /** A quantity in millicores or bytes; -1 when absent; {@code null} when wrong (reported). */
  private Long quantity(YMap values, String key, Size size, boolean cpu) {
    YNode node = values.get(key);
    if (node == null) {
      return -1L;
    }
    if (!(node instanceof YScalar s) || s.kind() == YScalar.Kind.BOOLEAN || s.isNull()) {
      return null; // the schema reported its type
    }
    Long v = cpu ? Resources.parseCpu(s.text()) : Resources.parseMemory(s.text());
    if (v == null || v <= 0) {
      diags.error(
          Code.FM066,
          "`"
              + key
              + "` of size "
              + size.name()
              + " is not a "
              + (v == null ? "" : "positive ")
              + "Kubernetes "
              + (cpu ? "CPU" : "memory")
              + " quantity: `"
              + s.text()
              + "`",
          s.range(),
          cpu ? "write CPU as `250m`, `0.5` or `2`" : "write memory as `512Mi`, `1Gi` or `1G`");
      return null;
    }
    return v;
  }

  private Map<String, Long> prices(YMap map, TreePath at) {
    Map<String, Long> prices = new LinkedHashMap<>();
    if (map == null || !(map.get("prices") instanceof YMap list)) {
      return prices;
    }
    boolean ok = true;
    for (YMap.Entry e : list.entries()) {
      Optional<Size> size = size(e.key(), e.keyRange());
      if (!(e.value() instanceof YScalar s)
          || (s.kind() != YScalar.Kind.INTEGER && s.kind() != YScalar.Kind.FLOAT)
          || read.faulty(at.then("prices").then(e.key()))) {
        ok = false;
        continue;
      }
      Integer whole =
          s.kind() == YScalar.Kind.INTEGER
              ? read.integer(s, at.then("prices").then(e.key()), Code.FM066)
              : null;
      if (whole == null) {
        if (s.kind() == YScalar.Kind.FLOAT) {
          diags.error(
              Code.FM066,
              "the price of "
                  + e.key()
                  + " must be whole US dollars a month, not `"
                  + s.text()
                  + "`",
              s.range(),
              "round it: the plan counts whole dollars");
        }
        ok = false;
        continue;
      }
      if (size.isPresent()) {
        prices.put(size.get().name(), whole.longValue());
      } else {
        ok = false;
      }
    }
    return ok ? prices : null;
  }

  /** With prices, every size the app uses needs one, or its cost would silently count as $0. */
  private void pricesCover(String app, Map<String, Long> prices, YMap body, TreePath at) {
    if (!(body.get("processes") instanceof YMap processes)) {
      return;
    }
    for (YMap.Entry p : processes.entries()) {
      if (!(p.value() instanceof YMap process)
          || !(process.get("size") instanceof YScalar s)
          || s.kind() != YScalar.Kind.STRING) {
        continue;
      }
      Optional<Size> size = catalog.find(s.text());
      if (size.isPresent() && !prices.containsKey(size.get().name())) {
        diags.error(
            Code.FM066,
            "`kubernetes.prices` of app `"
                + app
                + "` has no price for "
                + size.get().name()
                + ", the size of `"
                + p.key()
                + "`",
            s.range(),
            "add `" + size.get().key() + ": <USD a month>` under `prices`, or remove `prices`");
      }
    }
  }

  /** A HorizontalPodAutoscaler e-mails nobody: {@code notify: true} would be a silent no-op. */
  private void notifyOff(YMap body, TreePath at) {
    if (!(body.get("processes") instanceof YMap processes)) {
      return;
    }
    for (YMap.Entry p : processes.entries()) {
      if (p.value() instanceof YMap process
          && process.get("autoscale") instanceof YMap auto
          && auto.get("notify") instanceof YScalar n
          && read.bool(n, false)
          && auto.get("queue") == null) { // beside a queue rule it is FM045's

        diags.error(
            Code.FM067,
            "`notify` "
                + Places.in(at.then("processes").then(p.key()).then("autoscale"))
                + " has no meaning on Kubernetes: a HorizontalPodAutoscaler notifies nobody",
            n.range(),
            "remove `notify`, and watch the HPA's events instead");
      }
    }
  }

  /**
   * A queue rule's {@code scale_down_after} becomes the stabilization window of the HPA KEDA makes,
   * which Kubernetes caps at one hour.
   */
  private void kedaLimits(YMap body, TreePath at) {
    if (!(body.get("processes") instanceof YMap processes)) {
      return;
    }
    for (YMap.Entry p : processes.entries()) {
      if (p.value() instanceof YMap process
          && process.get("autoscale") instanceof YMap auto
          && auto.get("queue") instanceof YMap queue
          && queue.get("scale_down_after") instanceof YScalar s
          && s.kind() == YScalar.Kind.STRING) {
        Duration d = Durations.parse(s.text());
        if (d != null && d.compareTo(MAX_STABILIZATION) > 0) {
          diags.error(
              Code.FM047,
              "`scale_down_after` "
                  + Places.in(at.then("processes").then(p.key()).then("autoscale").then("queue"))
                  + " is "
                  + s.text()
                  + ", longer than the hour a HorizontalPodAutoscaler waits at most before it"
                  + " scales down",
              s.range(),
              "on Kubernetes, KEDA's HPA holds a higher count for 1h at most: `scale_down_after:"
                  + " 1h` or less");
        }
      }
    }
  }

  /** The longest scale-down stabilization window an HPA accepts. */
  private static final Duration MAX_STABILIZATION = Duration.ofHours(1);

  private Optional<Size> size(String written, SourceRange at) {
    Optional<Size> found = catalog.find(written);
    if (found.isPresent()) {
      return found;
    }
    Optional<Size> modern = catalog.replacementForLegacy(written);
    if (modern.isPresent()) {
      diags.error(
          Code.FM031,
          "size `" + written + "` under `kubernetes` is a retired name",
          at,
          "use `" + modern.get().name() + "`, its modern equivalent");
      return Optional.empty();
    }
    String hint = DidYouMean.didYouMean(written, catalog.names());
    diags.error(
        Code.FM030,
        "unknown size `" + written + "` under `kubernetes`",
        at,
        hint != null ? hint : "`formation sizes --platform kubernetes` lists the size map");
    return Optional.empty();
  }
}
