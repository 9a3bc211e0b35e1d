/**
 * The Kubernetes adapter: {@link dev.formation.platform.kubernetes.KubernetesPlatform} reads an
 * app's Deployments, HorizontalPodAutoscalers and KEDA ScaledObjects and writes replicas through
 * the scale subresource and resources and autoscalers by server-side apply, with the fabric8 client
 * on the JDK's HTTP client. Only this package imports fabric8, and only a command that touches a
 * Kubernetes app loads it.
 *
 * <p>Dependency rule: {@code platform.kubernetes} depends on {@code platform}, {@code live}, {@code
 * config}, {@code config.yaml}, {@code diag}, {@code autoscale} and {@code catalog} only. It uses
 * {@code autoscale} for the queue rules it maps onto KEDA objects, the config packages and {@code
 * diag} for {@link dev.formation.platform.kubernetes.KubernetesProvider}, the platform's provider
 * (which names no fabric8 type), and for the reader of its {@code kubernetes} block. Libraries:
 * fabric8 kubernetes-client and Jackson. Never another platform, {@code plan} or {@code apply}.
 */
package dev.formation.platform.kubernetes;
