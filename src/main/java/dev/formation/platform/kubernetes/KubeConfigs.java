package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the kubeconfig as kubectl does ({@code KUBECONFIG}, else {@code ~/.kube/config}), and makes
 * one client per context on first use. fabric8 reads the file: contexts, tokens, client
 * certificates and exec plugins, with exec commands resolved against the file's folder.
 */
final class KubeConfigs implements AutoCloseable {
  private final Map<String, String> env;
  private final Path home;
  private final Consumer<String> trace;
  private final Map<String, Connection> byContext = new HashMap<>();

  /**
   * @param trace where each request is traced ({@code --debug}), or {@code null}
   */
  KubeConfigs(Map<String, String> env, Path home, Consumer<String> trace) {
    this.env = env;
    this.home = home;
    this.trace = trace;
  }

  /** A client of one context and where it points, made once per run. */
  record Connection(KubernetesClient client, String context, String namespace) {
    KubernetesLocation location(String namespaceWanted) {
      return new KubernetesLocation(context, namespaceWanted == null ? namespace : namespaceWanted);
    }
  }

  /**
   * The connection of {@code context}, or of the current context when it is {@code null}.
   *
   * @throws PlatformException when there is no kubeconfig, or it has no such context
   */
  synchronized Connection connect(String context) throws PlatformException {
    String key = context == null ? "" : context;
    Connection c = byContext.get(key);
    if (c == null) {
      c = open(context);
      byContext.put(key, c);
      if (context == null) {
        byContext.putIfAbsent(c.context(), c);
      }
    }
    return c;
  }

  private Connection open(String context) throws PlatformException {
    File file = kubeconfig();
    Config config;
    try {
      config = Config.fromKubeconfig(context, file);
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new PlatformException("cannot use the kubeconfig " + file + ": " + Errors.brief(e), e);
    }
    if (config.getCurrentContext() == null) {
      throw new PlatformException(
          context == null
              ? "the kubeconfig "
                  + file
                  + " has no current context; set one with `kubectl"
                  + " config use-context`, or name one as `kubernetes.context`"
              : "the kubeconfig " + file + " has no context `" + context + "`",
          0,
          null,
          null);
    }
    String name = config.getCurrentContext().getName();
    if (context != null && !context.equals(name)) {
      throw new PlatformException(
          "the kubeconfig " + file + " has no context `" + context + "`", 0, null, null);
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new PlatformException(
          "context `" + name + "` of " + file + " names no cluster server", 0, null, null);
    }
    // fail fast: formation's own apply recovers from a lost answer by re-reading
    config.setRequestRetryBackoffLimit(1);
    config.setRequestRetryBackoffInterval(200);
    config.setConnectionTimeout(10_000);
    config.setRequestTimeout(30_000);
    String namespace = config.getNamespace();
    KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(config);
    if (trace != null) {
      builder.withHttpClientBuilderConsumer(
          b -> b.addOrReplaceInterceptor("formation-trace", new Trace(trace)));
    }
    return new Connection(
        builder.build(), name, namespace == null || namespace.isBlank() ? "default" : namespace);
  }

  /** The first existing file of {@code KUBECONFIG}, else {@code ~/.kube/config}. */
  private File kubeconfig() throws PlatformException {
    String list = env.get("KUBECONFIG");
    List<Path> candidates = new ArrayList<>();
    if (list != null && !list.isBlank()) {
      for (String part : list.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          candidates.add(Path.of(part));
        }
      }
    } else {
      candidates.add(home.resolve(".kube").resolve("config"));
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p.toFile();
      }
    }
    throw new PlatformException(
        list != null && !list.isBlank()
            ? "KUBECONFIG names no readable file (" + list + ")"
            : "no kubeconfig: KUBECONFIG is not set and " + candidates.get(0) + " does not exist",
        0,
        null,
        null);
  }

  @Override
  public synchronized void close() {
    byContext.values().stream().distinct().forEach(c -> c.client().close());
    byContext.clear();
  }
}
