package dev.formation.config;

import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@code platform: kubernetes} app's Deployments are and how its sizes map to container
 * resources (docs/kubernetes.md).
 *
 * @param context the kubeconfig context, or {@code null} for the current one
 * @param namespace the namespace, or {@code null} for the context's own (else {@code default})
 * @param deployment the Deployment name template, with {@code {type}} and optionally {@code {app}}
 * @param container the container a size sets resources on, or {@code null} for the first
 * @param p95Metric the Pods metric an autoscaler targets at {@code p95_ms}, or {@code null} for CPU
 * @param sizes the size map in effect: every catalogue size by canonical name, overrides applied
 * @param prices USD per replica and month by canonical size name; empty when none are given
 */
public record KubernetesSpec(
    String context,
    String namespace,
    String deployment,
    String container,
    String p95Metric,
    Map<String, Resources> sizes,
    Map<String, Long> prices) {
  public static final String DEFAULT_TEMPLATE = "{app}-{type}";

  public KubernetesSpec {
    if (deployment == null || !deployment.contains("{type}")) {
      throw new IllegalArgumentException("a Deployment template names {type}: " + deployment);
    }
    sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
  }

  /** The Deployment of one process type. */
  public String deploymentName(String app, String type) {
    return deploymentName(deployment, app, type);
  }

  static String deploymentName(String template, String app, String type) {
    return template.replace("{app}", app).replace("{type}", type);
  }

  /** The resources one replica of {@code size} requests on this app's cluster. */
  public Resources resources(Size size) {
    Resources r = sizes.get(size.name());
    if (r == null) {
      throw new IllegalArgumentException("the size map has no " + size.name());
    }
    return r;
  }

  /** The configured monthly price of one replica of {@code size}, if prices are given. */
  public Optional<Long> price(String size) {
    return Optional.ofNullable(prices.get(size));
  }

  public boolean priced() {
    return !prices.isEmpty();
  }
}
