package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kubeconfig as kubectl loads it: every existing file of {@code KUBECONFIG} (a list separated
 * by {@code :}), else {@code ~/.kube/config}, merged so that the first file that defines a cluster,
 * context or user by name wins, and {@code current-context} comes from the first file that sets
 * one. Each entry keeps the file it came from, so relative paths resolve against that file.
 *
 * @param files the files read, in order
 */
record KubeconfigFiles(
    List<Path> files,
    Map<String, NamedCluster> clusters,
    Map<String, NamedContext> contexts,
    Map<String, NamedAuthInfo> users,
    String currentContext) {

  /** The largest kubeconfig file read: far above any real one, far below what could hurt. */
  static final long MAX_BYTES = 16L << 20;

  /** One context resolved to its cluster and user, each as the merged files define them. */
  record Resolved(NamedContext context, NamedCluster cluster, NamedAuthInfo user) {}

  /**
   * Reads and merges the kubeconfig files {@code KUBECONFIG} names, else {@code ~/.kube/config}.
   */
  static KubeconfigFiles load(Map<String, String> env, Path home) throws PlatformException {
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
    List<Path> files = candidates.stream().filter(Files::isRegularFile).toList();
    if (files.isEmpty()) {
      throw new PlatformException(
          list != null && !list.isBlank()
              ? "KUBECONFIG names no readable file (" + list + ")"
              : "no kubeconfig: KUBECONFIG is not set and " + candidates.get(0) + " does not exist",
          0,
          null,
          null);
    }
    Map<String, NamedCluster> clusters = new LinkedHashMap<>();
    Map<String, NamedContext> contexts = new LinkedHashMap<>();
    Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
    String current = null;
    for (Path file : files) {
      Config parsed;
      try {
        if (Files.size(file) > MAX_BYTES) {
          throw new PlatformException(
              "the kubeconfig "
                  + Text.clean(file.toString(), 300)
                  + " is larger than "
                  + (MAX_BYTES >> 20)
                  + " MiB, which no kubeconfig is",
              0,
              null,
              null);
        }
      } catch (java.io.IOException e) {
        throw new PlatformException(
            "cannot read the kubeconfig " + Text.clean(file.toString(), 300), e);
      }
      try {
        parsed = KubeConfigUtils.parseConfig(file.toFile());
      } catch (RuntimeException e) { // any parser's: the file is the user's, not formation's
        throw new PlatformException(
            "cannot use the kubeconfig "
                + Text.clean(file.toString(), 300)
                + ": "
                + Text.clean(Errors.brief(e), 300),
            0,
            null,
            null);
      }
      if (parsed == null) {
        parsed = new Config();
      }
      firstWins(clusters, parsed.getClusters(), NamedCluster::getName);
      firstWins(contexts, parsed.getContexts(), NamedContext::getName);
      firstWins(users, parsed.getUsers(), NamedAuthInfo::getName);
      if (current == null
          && parsed.getCurrentContext() != null
          && !parsed.getCurrentContext().isBlank()) {
        current = parsed.getCurrentContext();
      }
    }
    return new KubeconfigFiles(files, clusters, contexts, users, current);
  }

  private static <T> void firstWins(Map<String, T> into, List<T> items, Function<T, String> name) {
    if (items != null) {
      for (T item : items) {
        if (item != null && name.apply(item) != null) {
          into.putIfAbsent(name.apply(item), item);
        }
      }
    }
  }

  /**
   * The context {@code wanted} (the current one when {@code null}) with its cluster and user.
   *
   * @throws PlatformException naming what is missing and the files searched
   */
  Resolved resolve(String wanted) throws PlatformException {
    String name = wanted == null ? currentContext : wanted;
    if (name == null) {
      throw new PlatformException(
          "the kubeconfig ("
              + searched()
              + ") has no current context; set one with `kubectl config use-context`, or name one"
              + " as `kubernetes.context`",
          0,
          null,
          null);
    }
    NamedContext context = contexts.get(name);
    if (context == null || context.getContext() == null) {
      throw new PlatformException(
          "the kubeconfig has no context `"
              + Text.clean(name, 200)
              + "`"
              + (wanted == null ? " (its current-context)" : "")
              + "; searched "
              + searched(),
          0,
          null,
          null);
    }
    String clusterName = context.getContext().getCluster();
    NamedCluster cluster = clusterName == null ? null : clusters.get(clusterName);
    if (cluster == null || cluster.getCluster() == null) {
      throw new PlatformException(
          "context `"
              + Text.clean(name, 200)
              + "` names cluster `"
              + Text.clean(clusterName, 200)
              + "`, which no kubeconfig file defines; searched "
              + searched(),
          0,
          null,
          null);
    }
    if (cluster.getCluster().getServer() == null || cluster.getCluster().getServer().isBlank()) {
      throw new PlatformException(
          "cluster `"
              + Text.clean(clusterName, 200)
              + "` of context `"
              + Text.clean(name, 200)
              + "` names no server",
          0,
          null,
          null);
    }
    String userName = context.getContext().getUser();
    NamedAuthInfo user = null;
    if (userName != null && !userName.isBlank()) {
      user = users.get(userName);
      if (user == null || user.getUser() == null) {
        throw new PlatformException(
            "context `"
                + Text.clean(name, 200)
                + "` names user `"
                + Text.clean(userName, 200)
                + "`, which no kubeconfig file defines; searched "
                + searched(),
            0,
            null,
            null);
      }
    }
    return new Resolved(context, cluster, user);
  }

  /** The files read, for messages: {@code /a/config, /b/extra}. */
  String searched() {
    return files.stream().map(p -> Text.clean(p.toString(), 300)).collect(Collectors.joining(", "));
  }

  /** The folder of the file an entry came from, for relative paths (exec commands). */
  static Path folderOf(Map<String, Object> additionalProperties, Path fallback) {
    for (Object v : additionalProperties.values()) {
      if (v instanceof File f && f.getParentFile() != null) {
        return f.getAbsoluteFile().getParentFile().toPath();
      }
    }
    return fallback;
  }
}
