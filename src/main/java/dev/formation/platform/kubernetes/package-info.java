/**
 * The Kubernetes adapter: {@link dev.formation.platform.kubernetes.KubernetesPlatform} reads an
 * app's Deployments and HorizontalPodAutoscalers and writes replicas through the scale subresource
 * and resources and autoscalers by server-side apply, with the fabric8 client on the JDK's HTTP
 * client. Only this package imports fabric8, and only a command that touches a Kubernetes app loads
 * it.
 *
 * <p>Dependency rule: {@code platform.kubernetes} depends on {@code platform}, {@code live} and
 * {@code catalog} only. Libraries: fabric8 kubernetes-client and Jackson. Never another adapter,
 * {@code plan}, {@code apply} or {@code config}.
 */
package dev.formation.platform.kubernetes;
