package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the kubeconfig as kubectl does ({@code KUBECONFIG}, all its files merged, else {@code
 * ~/.kube/config}; {@link KubeconfigFiles}) and makes one client per context on first use. An exec
 * plugin is run by formation itself ({@link ExecPlugin}: a deadline, its stderr when it fails), not
 * by fabric8, which would wait for it forever and send the request without a token when it failed.
 */
final class KubeConfigs implements AutoCloseable {
  /** The code of the warning for a cluster reached without TLS verification (diag.Code). */
  static final String INSECURE_TLS_CODE = "FM162";

  private final Map<String, String> env;
  private final Path home;
  private final Consumer<String> trace;
  private final Consumer<String> warn;
  private final Duration execDeadline;
  private final Map<String, Connection> byContext = new HashMap<>();
  private final Set<String> warned = new HashSet<>();
  private final Map<String, ExecCredentials> byUser = new HashMap<>();
  private final Map<String, PlatformException> failures = new HashMap<>();
  private final Map<String, PlatformException> userFailures = new HashMap<>();
  private KubeconfigFiles files;

  /**
   * @param trace where each request is traced ({@code --debug}), or {@code null}
   * @param warn where a warning line goes (stderr): a cluster reached without TLS verification
   */
  KubeConfigs(
      Map<String, String> env,
      Path home,
      Consumer<String> trace,
      Consumer<String> warn,
      Duration execDeadline) {
    this.env = Map.copyOf(env);
    this.home = home;
    this.trace = trace;
    this.warn = warn;
    this.execDeadline = execDeadline;
  }

  /** A client of one context and where it points, made once per run. */
  record Connection(KubernetesClient client, String context, String namespace, String server) {
    KubernetesLocation location(String namespaceWanted) {
      return new KubernetesLocation(context, namespaceWanted == null ? namespace : namespaceWanted);
    }
  }

  /**
   * The connection of {@code context}, or of the current context when it is {@code null}.
   *
   * @throws PlatformException when there is no kubeconfig, it has no such context, the context
   *     names a cluster or user no file defines, or its exec plugin fails
   */
  synchronized Connection connect(String context) throws PlatformException {
    String key = context == null ? "" : context;
    Connection c = byContext.get(key);
    if (c == null) {
      PlatformException failed = failures.get(key);
      if (failed != null) {
        throw failed; // once per context and run: 50 apps do not wait for a plugin 50 times
      }
      try {
        c = open(context);
      } catch (PlatformException e) {
        failures.put(key, e);
        throw e;
      }
      byContext.put(key, c);
      if (context == null) {
        byContext.putIfAbsent(c.context(), c);
      }
    }
    return c;
  }

  private Connection open(String context) throws PlatformException {
    if (files == null) {
      files = KubeconfigFiles.load(env, home);
    }
    KubeconfigFiles.Resolved r = files.resolve(context);
    String name = r.context().getName();
    NamedAuthInfo user = r.user();
    ExecCredentials credential = null;
    if (user != null && user.getUser().getExec() != null) {
      credential = execCredentials(user); // before any request: a failed plugin sends nothing
      // fabric8 must not run it again, without a deadline: the user it is given has no exec
      NamedAuthInfo without =
          new NamedAuthInfo(user.getName(), new AuthInfoBuilder(user.getUser()).build());
      without.getUser().setExec(null);
      user.getAdditionalProperties().forEach(without::setAdditionalProperty);
      user = without;
    }
    io.fabric8.kubernetes.api.model.Config single =
        new io.fabric8.kubernetes.api.model.ConfigBuilder()
            .withClusters(r.cluster())
            .withContexts(r.context())
            .withUsers(user == null ? List.of() : List.of(user))
            .withCurrentContext(name)
            .build();
    Config config = Config.empty();
    try {
      KubeConfigUtils.merge(config, name, single);
    } catch (RuntimeException e) { // the kubeconfig is the user's: any failure is told as such
      throw new PlatformException(
          "cannot use context `"
              + Text.clean(name, 200)
              + "` ("
              + files.searched()
              + "): "
              + Errors.brief(e),
          e);
    }
    if (credential != null) {
      useCredential(config, credential);
    }
    warnIfInsecure(r.cluster());
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
    KubernetesClient client;
    try {
      client = builder.build(); // reads the certificate files
    } catch (RuntimeException e) { // the kubeconfig is the user's: any failure is told as such
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new PlatformException(
          "cannot use context `"
              + Text.clean(name, 200)
              + "` ("
              + files.searched()
              + "): "
              + (root instanceof java.nio.file.NoSuchFileException
                  ? "no such file " + Text.clean(root.getMessage(), 300)
                  : Errors.brief(e)),
          e);
    }
    return new Connection(
        client,
        name,
        namespace == null || namespace.isBlank() ? "default" : namespace,
        r.cluster().getCluster().getServer());
  }

  /** The plugin of a user, run once per user and run, shared by every context that names it. */
  private ExecCredentials execCredentials(NamedAuthInfo user) throws PlatformException {
    PlatformException failed = userFailures.get(user.getName());
    if (failed != null) {
      throw failed;
    }
    ExecCredentials known = byUser.get(user.getName());
    if (known == null) {
      ExecPlugin plugin =
          new ExecPlugin(
              user.getUser().getExec(),
              user.getName(),
              KubeconfigFiles.folderOf(
                  user.getAdditionalProperties(), files.files().get(0).getParent()),
              env,
              execDeadline);
      ExecPlugin.Credential first;
      try {
        first = plugin.run();
      } catch (PlatformException e) {
        userFailures.put(user.getName(), e);
        throw e;
      }
      known = new ExecCredentials(first, new ExecTokens(plugin, first));
      byUser.put(user.getName(), known);
    }
    return known;
  }

  /** A plugin's first credential, and the provider that renews its token when it expires. */
  private record ExecCredentials(ExecPlugin.Credential first, ExecTokens tokens) {}

  /**
   * A token is handed to fabric8 through a provider that runs the plugin again, with its deadline,
   * once the token has expired; a client certificate is set once, for the run.
   */
  private static void useCredential(Config config, ExecCredentials credentials) {
    ExecPlugin.Credential first = credentials.first();
    if (first.token() != null && !first.token().isBlank()) {
      config.setOauthToken(null);
      config.setOauthTokenProvider(credentials.tokens());
    } else {
      Base64.Encoder b64 = Base64.getEncoder();
      config.setClientCertData(
          b64.encodeToString(first.certificatePem().getBytes(StandardCharsets.UTF_8)));
      config.setClientKeyData(b64.encodeToString(first.keyPem().getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Once per cluster and run: TLS without verification lets anyone on the path be the cluster. */
  private void warnIfInsecure(NamedCluster cluster) {
    if (Boolean.TRUE.equals(cluster.getCluster().getInsecureSkipTlsVerify())
        && warned.add(cluster.getName())
        && warn != null) {
      warn.accept(
          "warning["
              + INSECURE_TLS_CODE
              + "]: cluster `"
              + Text.clean(cluster.getName(), 200)
              + "` ("
              + Text.clean(cluster.getCluster().getServer(), 200)
              + ") sets insecure-skip-tls-verify: its certificate is not checked, so anyone"
              + " between here and it can read the credentials and answer for it; set"
              + " certificate-authority(-data) instead");
    }
  }

  @Override
  public synchronized void close() {
    byContext.values().stream().distinct().forEach(c -> c.client().close());
    byContext.clear();
  }
}
