package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a kubeconfig user's exec credential plugin (EKS, GKE, AKS, OIDC login helpers) as kubectl
 * does, with a deadline: never interactive (stdin is closed), its stdout read as an {@code
 * ExecCredential}, its stderr kept to explain a failure. A plugin that fails, prints no credential
 * or outlives {@link #DEADLINE} is an error that names it and shows its stderr (trimmed, bounded,
 * control characters escaped), and no request is sent. Its stdout, the credential, is never shown.
 */
final class ExecPlugin {
  /**
   * How long a plugin may run before it is stopped: a login that waits for a browser never ends.
   */
  static final Duration DEADLINE = Duration.ofSeconds(30);

  /** The most of a plugin's stderr a message shows. */
  static final int STDERR_SHOWN = 600;

  private static final int STDOUT_MAX = 1 << 20;
  private static final int STDERR_KEPT = 16 * 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the plugin printed: a bearer token, or a client certificate and key (PEM). */
  record Credential(String token, String certificatePem, String keyPem, Instant expires) {
    Credential {
      if ((token == null || token.isBlank()) && (certificatePem == null || keyPem == null)) {
        throw new IllegalArgumentException("a credential is a token or a certificate and key");
      }
    }

    boolean fresh(Instant now) {
      return expires == null || now.plusSeconds(10).isBefore(expires);
    }
  }

  private final ExecConfig exec;
  private final String user;
  private final Path folder;
  private final Map<String, String> env;
  private final Duration deadline;

  /**
   * @param user the kubeconfig user the plugin belongs to, for messages
   * @param folder the folder of the kubeconfig file that defines the user (relative commands)
   * @param env the environment the command runs in, which the plugin inherits
   */
  ExecPlugin(
      ExecConfig exec, String user, Path folder, Map<String, String> env, Duration deadline) {
    if (exec == null || exec.getCommand() == null || exec.getCommand().isBlank()) {
      throw new IllegalArgumentException("an exec plugin names a command");
    }
    this.exec = exec;
    this.user = user;
    this.folder = folder;
    this.env = env;
    this.deadline = deadline;
  }

  /** Runs the plugin once and reads its credential. */
  Credential run() throws PlatformException {
    List<String> command = new ArrayList<>();
    command.add(executable());
    if (exec.getArgs() != null) {
      command.addAll(exec.getArgs());
    }
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    if (exec.getEnv() != null) {
      for (ExecEnvVar v : exec.getEnv()) {
        if (v.getName() != null && v.getValue() != null) {
          pb.environment().put(v.getName(), v.getValue());
        }
      }
    }
    pb.environment()
        .put(
            "KUBERNETES_EXEC_INFO",
            "{\"apiVersion\":\""
                + apiVersion()
                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw failure(
          "cannot be started ("
              + Errors.brief(e)
              + ")"
              + (exec.getInstallHint() == null ? "" : "; " + exec.getInstallHint()),
          "");
    }
    Drain stdout = new Drain(process.getInputStream(), STDOUT_MAX);
    Drain stderr = new Drain(process.getErrorStream(), STDERR_KEPT);
    try {
      process.getOutputStream().close(); // never interactive
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(process);
        stderr.await();
        throw failure(
            "did not finish within " + deadline.toSeconds() + " s and was stopped", stderr.text());
      }
      stdout.await();
      stderr.await();
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw failure("was interrupted", "");
    } catch (IOException e) {
      stop(process);
      throw failure("cannot be talked to (" + Errors.brief(e) + ")", stderr.text());
    }
    if (process.exitValue() != 0) {
      throw failure("failed (exit status " + process.exitValue() + ")", stderr.text());
    }
    if (stdout.overflowed()) {
      throw failure("printed more than " + (STDOUT_MAX >> 10) + " KiB", stderr.text());
    }
    return credential(stdout.text(), stderr.text());
  }

  private Credential credential(String out, String err) throws PlatformException {
    JsonNode status;
    try {
      JsonNode root = JSON.readTree(out);
      if (root == null || !"ExecCredential".equals(root.path("kind").asString(""))) {
        throw failure("printed no ExecCredential", err);
      }
      status = root.path("status");
    } catch (JacksonException e) {
      throw failure("printed no ExecCredential (its output is not JSON)", err);
    }
    String token = text(status, "token");
    String cert = text(status, "clientCertificateData");
    String key = text(status, "clientKeyData");
    if ((token == null || token.isBlank()) && (cert == null || key == null)) {
      throw failure("printed an ExecCredential without a token or a client certificate", err);
    }
    Instant expires = null;
    String at = text(status, "expirationTimestamp");
    if (at != null) {
      try {
        expires = Instant.parse(at);
      } catch (DateTimeParseException e) {
        throw failure("printed an ExecCredential whose expirationTimestamp is not a time", err);
      }
    }
    return new Credential(token, cert, key, expires);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isString() ? null : v.asString();
  }

  private String apiVersion() {
    return exec.getApiVersion() == null
        ? "client.authentication.k8s.io/v1"
        : Text.clean(exec.getApiVersion(), 100).replace("\"", "");
  }

  /** A command with a slash is relative to the kubeconfig's folder; a bare name is on PATH. */
  private String executable() {
    String command = exec.getCommand();
    if (command.contains("/") || command.contains(File.separator)) {
      Path p = Path.of(command);
      return (p.isAbsolute() ? p : folder.resolve(p)).toString();
    }
    String path = env.get("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isBlank() && Files.isExecutable(Path.of(dir, command))) {
          return Path.of(dir, command).toString();
        }
      }
    }
    return command;
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private PlatformException failure(String what, String stderr) {
    String shown = Text.clean(stderr, STDERR_SHOWN);
    return new PlatformException(
        "the exec plugin `"
            + Text.clean(exec.getCommand(), 200)
            + "` of kubeconfig user `"
            + Text.clean(user, 200)
            + "` "
            + what
            + (shown.isEmpty() ? "" : ": " + shown)
            + "; no request was sent",
        0,
        "exec_plugin",
        null);
  }

  /** Reads one stream to its end on its own thread, keeping at most {@code max} bytes. */
  private static final class Drain {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;
    private final int max;
    private volatile boolean overflowed;

    Drain(InputStream in, int max) {
      this.max = max;
      this.thread =
          new Thread(
              () -> {
                byte[] buf = new byte[8192];
                try (in) {
                  for (int n; (n = in.read(buf)) >= 0; ) {
                    synchronized (kept) {
                      int room = this.max - kept.size();
                      kept.write(buf, 0, Math.max(0, Math.min(room, n)));
                      overflowed |= n > room;
                    }
                  }
                } catch (IOException ignored) {
                  // the process is gone: what was read is what there is
                }
              },
              "exec-plugin-drain");
      thread.setDaemon(true);
      thread.start();
    }

    /** Waits a moment for the rest after the process ended (a grandchild may keep it open). */
    void await() throws InterruptedException {
      thread.join(2_000);
    }

    boolean overflowed() {
      return overflowed;
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
