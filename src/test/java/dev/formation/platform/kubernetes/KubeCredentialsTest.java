package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.diag.Code;
import dev.formation.platform.PlatformException;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken kubeconfigs: users in a second file, relative paths, names that no file
 * defines, a server that refuses connections, TLS checks turned off (exec plugins: {@link
 * KubeExecPluginTest}).
 */
@Timeout(60)
class KubeCredentialsTest {
  @TempDir Path dir;
  KubeHarness cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
    cluster.seed("shop-web", "standard-1x", 1, Map.of());
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aUserInTheSecondKubeconfigFile_isFound_andTheFirstFileWins() throws Exception {
    // the first file: contexts, a cluster, the current context; no users at all
    String first = cluster.kubeconfig("token: unused");
    first =
        first.substring(0, first.indexOf("users:")) + first.substring(first.indexOf("contexts:"));
    Files.writeString(cluster.kubeconfig, first);
    Path second = dir.resolve("users.yaml");
    Files.writeString(
        second,
        """
        apiVersion: v1
        kind: Config
        users:
        - name: user
          user: {token: from-the-second-file}
        clusters:
        - name: mock
          cluster: {server: "http://127.0.0.1:1"}
        current-context: other
        """);
    Map<String, String> env =
        Map.of("KUBECONFIG", cluster.kubeconfig + File.pathSeparator + second);
    try (KubernetesPlatform p = cluster.platform(env, ExecPlugin.DEADLINE)) {
      // the first file's cluster and current context (test: namespace shop) win over the second's
      assertThat(((KubernetesLocation) p.read(KubeHarness.web(null)).placement()).context())
          .isEqualTo("test");
    }
    assertThat(lastAuthorization()).isEqualTo("Bearer from-the-second-file");
  }

  @Test
  void relativePaths_resolveAgainstTheFileThatDefinesTheEntry() throws Exception {
    Path other = Files.createDirectories(dir.resolve("elsewhere"));
    Path plugin = other.resolve("token.sh");
    Files.writeString(
        plugin,
        "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
            + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"relative-plugin\"}}'\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    String first = cluster.kubeconfig("token: unused");
    Files.writeString(
        cluster.kubeconfig,
        first.substring(0, first.indexOf("users:")) + first.substring(first.indexOf("contexts:")));
    Path second = other.resolve("config");
    Files.writeString(
        second,
        """
        apiVersion: v1
        kind: Config
        users:
        - name: user
          user:
            exec: {apiVersion: client.authentication.k8s.io/v1, command: ./token.sh}
        """);
    Map<String, String> env =
        Map.of("KUBECONFIG", cluster.kubeconfig + File.pathSeparator + second);
    try (KubernetesPlatform p = cluster.platform(env, ExecPlugin.DEADLINE)) {
      assertThat(p.read(KubeHarness.web(null)).process("web")).isPresent();
    }
    assertThat(lastAuthorization()).isEqualTo("Bearer relative-plugin");
  }

  @Test
  void aClustersRelativeCertificateAuthority_isLookedForInItsOwnFilesFolder() throws Exception {
    Path other = Files.createDirectories(dir.resolve("certs"));
    String first = cluster.kubeconfig("token: t");
    Files.writeString(
        cluster.kubeconfig,
        first.substring(0, first.indexOf("clusters:")) + first.substring(first.indexOf("users:")));
    Path second = other.resolve("config");
    Files.writeString(
        second,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster: {server: "%s", certificate-authority: ca.crt}
        """
            .formatted(cluster.url()));
    Map<String, String> env =
        Map.of("KUBECONFIG", cluster.kubeconfig + File.pathSeparator + second);
    try (KubeConfigs configs = new KubeConfigs(env, dir, null, null, ExecPlugin.DEADLINE)) {
      assertThatThrownBy(() -> configs.connect(null))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("cannot use context `test`")
          .hasMessageContaining("no such file " + other.resolve("ca.crt"));
    }
  }

  @Test
  void aUserClusterOrContextNoFileDefines_isNamed_withTheFilesSearched() throws Exception {
    String config = cluster.kubeconfig("token: t");
    Files.writeString(cluster.kubeconfig, config.replace("user: user,", "user: nobody,"));
    try (KubernetesPlatform p = cluster.platform()) {
      assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
          .hasMessageContaining("context `test` names user `nobody`, which no kubeconfig file")
          .hasMessageContaining("searched " + cluster.kubeconfig);
    }
    Files.writeString(
        cluster.kubeconfig,
        config.replace("cluster: mock, user: user,", "cluster: gone, user: user,"));
    try (KubernetesPlatform p = cluster.platform()) {
      assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
          .hasMessageContaining("names cluster `gone`, which no kubeconfig file defines");
      assertThatThrownBy(() -> p.read(KubeHarness.web("staging")))
          .hasMessageContaining("no context `staging`; searched " + cluster.kubeconfig);
    }
  }

  @Test
  void aHostileOrBrokenKubeconfigFile_isTheAppsError_notACrash() throws Exception {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      bomb.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))));
      bomb.append("]\n");
    }
    for (String text : List.of(bomb.toString(), "clusters: {not: [a list", "", "- 1\n- 2\n")) {
      Files.writeString(cluster.kubeconfig, text);
      try (KubernetesPlatform p = cluster.platform()) {
        assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
            .as(text)
            .isInstanceOf(PlatformException.class)
            .hasMessageContaining(cluster.kubeconfig.toString());
      }
    }
    try (var out = Files.newOutputStream(cluster.kubeconfig)) {
      out.write(new byte[(int) KubeconfigFiles.MAX_BYTES + 1]);
    }
    try (KubernetesPlatform p = cluster.platform()) {
      assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
          .hasMessageContaining("larger than 16 MiB");
    }
  }

  @Test
  void aRefusedConnection_readsAsSuch() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(
        cluster.kubeconfig,
        cluster.kubeconfig("token: t").replace(cluster.url(), "http://127.0.0.1:" + port));
    try (KubernetesPlatform p = cluster.platform()) {
      assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
          .hasMessageContaining(
              "cannot connect to http://127.0.0.1:" + port + ": connection refused")
          .message()
          .doesNotContain("Exception")
          .doesNotContain("HTTP -1");
    }
  }

  @Test
  void insecureSkipTlsVerify_warnsOncePerCluster_withItsCode() throws Exception {
    Files.writeString(
        cluster.kubeconfig,
        cluster
            .kubeconfig("token: t")
            .replace(
                "server: " + cluster.url(),
                "server: " + cluster.url() + "\n    insecure-skip-tls-verify: true"));
    try (KubernetesPlatform p = cluster.platform()) {
      p.read(KubeHarness.web(null));
      p.read(KubeHarness.web("other")); // another context on the same cluster
      p.read(KubeHarness.web(null));
    }
    assertThat(cluster.warnings).hasSize(1);
    assertThat(cluster.warnings.get(0))
        .startsWith("warning[FM162]: cluster `mock`")
        .contains("insecure-skip-tls-verify");
    assertThat(KubeConfigs.INSECURE_TLS_CODE).isEqualTo(Code.FM162.name());
  }

  private String lastAuthorization() throws InterruptedException {
    String auth = null;
    int n = cluster.server.getRequestCount();
    for (int i = 0; i < n; i++) {
      var r = cluster.server.takeRequest();
      if (r.getHeader("Authorization") != null) {
        auth = r.getHeader("Authorization");
      }
    }
    return auth;
  }
}
