package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.platform.PlatformException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec credential plugins that fail, hang, expire or print no credential: their stderr is shown,
 * never their stdout, and no request is sent without the credential.
 */
@Timeout(60)
class KubeExecPluginTest {
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

  private Path plugin(String body) throws Exception {
    Path plugin = dir.resolve("plugin.sh");
    Files.writeString(plugin, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    return plugin;
  }

  private void useExec(Path plugin) throws Exception {
    Files.writeString(
        cluster.kubeconfig,
        cluster.kubeconfig(
            "exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: "
                + plugin
                + "\n  interactiveMode: Never"));
  }

  private int requests() {
    return cluster.server.getRequestCount();
  }

  @Test
  void aFailingPlugin_showsItsStderrEscaped_neverItsStdout_andSendsNothing() throws Exception {
    useExec(
        plugin(
            "echo '{\"kind\":\"ExecCredential\",\"status\":{\"token\":\"leaked-stdout\"}}'\n"
                + "printf 'error: SSO session expired\\n\\033[31mrun: aws sso login\\n' >&2\n"
                + "exit 3"));
    int before = requests();
    try (KubernetesPlatform p = cluster.platform()) {
      assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("the exec plugin")
          .hasMessageContaining("failed (exit status 3)")
          .hasMessageContaining("error: SSO session expired | \\x1b[31mrun: aws sso login")
          .hasMessageContaining("no request was sent")
          .message()
          .doesNotContain("leaked-stdout")
          .doesNotContain("\u001b");
    }
    assertThat(requests()).isEqualTo(before);
  }

  @Test
  void aHangingPlugin_isStoppedAtItsDeadline_withWhatItSaid() throws Exception {
    useExec(plugin("echo 'waiting for the browser login…' >&2\nsleep 30\necho '{}'"));
    int before = requests();
    long started = System.nanoTime();
    try (KubernetesPlatform p = cluster.platform(cluster.env(), Duration.ofSeconds(1))) {
      assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
          .hasMessageContaining("did not finish within 1 s and was stopped")
          .hasMessageContaining("waiting for the browser login…");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    assertThat(requests()).isEqualTo(before);
    assertThat(ExecPlugin.DEADLINE).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aHangingPlugin_isWaitedForOncePerRun_notOncePerAppOrContext() throws Exception {
    Path runs = dir.resolve("runs");
    useExec(plugin("echo run >> " + runs + "\nsleep 30"));
    long started = System.nanoTime();
    try (KubernetesPlatform p = cluster.platform(cluster.env(), Duration.ofSeconds(1))) {
      for (String context : new String[] {null, null, "other", "other", null}) {
        assertThatThrownBy(() -> p.read(KubeHarness.web(context)))
            .hasMessageContaining("did not finish within 1 s");
      }
    }
    assertThat(Files.readAllLines(runs)).hasSize(1);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void anExpiredToken_runsThePluginAgain_andWhenThatFails_nothingIsSent() throws Exception {
    Path runs = dir.resolve("runs");
    useExec(
        plugin(
            "echo run >> "
                + runs
                + "\nif [ $(wc -l < "
                + runs
                + ") -gt 1 ]; then echo 'refresh token revoked' >&2; exit 1; fi\n"
                + "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"short-lived\","
                + "\"expirationTimestamp\":\"2020-01-01T00:00:00Z\"}}'"));
    int before = requests();
    try (KubernetesPlatform p = cluster.platform()) {
      assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("refresh token revoked")
          .hasMessageContaining("no request was sent");
    }
    assertThat(Files.readAllLines(runs)).hasSize(2);
    assertThat(requests()).isEqualTo(before);
  }

  @Test
  void twoContextsOfOneExecUser_runThePluginOnce_andBothSendItsToken() throws Exception {
    Path runs = dir.resolve("runs");
    useExec(
        plugin(
            "echo run >> "
                + runs
                + "\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"shared\"}}'"));
    try (KubernetesPlatform p = cluster.platform()) {
      assertThat(p.read(KubeHarness.web(null)).process("web")).isPresent();
      assertThat(p.read(KubeHarness.web("other")).process("web")).isPresent();
    }
    assertThat(Files.readAllLines(runs)).hasSize(1);
    int n = cluster.server.getRequestCount();
    int reads = 0;
    for (int i = 0; i < n; i++) {
      var r = cluster.server.takeRequest();
      if (r.getMethod().equals("GET") && r.getPath().contains("/namespaces/shop/deployments")) {
        assertThat(r.getHeader("Authorization")).as(r.getPath()).isEqualTo("Bearer shared");
        reads++;
      }
    }
    assertThat(reads).isEqualTo(4); // two per context: web by name, then the labelled ones
  }

  @Test
  void aPluginThatPrintsNoCredential_orIsMissing_isToldSo() throws Exception {
    useExec(plugin("echo 'not json, but maybe a secret'"));
    try (KubernetesPlatform p = cluster.platform()) {
      assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
          .hasMessageContaining("printed no ExecCredential")
          .message()
          .doesNotContain("maybe a secret");
    }
    useExec(dir.resolve("no-such-plugin"));
    try (KubernetesPlatform p = cluster.platform()) {
      assertThatThrownBy(() -> p.read(KubeHarness.web(null)))
          .hasMessageContaining("cannot be started");
    }
  }
}
