package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the API server's answers into formation's errors: the server's own message, and for a
 * server-side apply conflict the field managers that own the fields, never a silent overwrite.
 */
final class Errors {
  private static final Pattern MANAGER = Pattern.compile("conflicts? with \"([^\"]+)\"");

  private Errors() {}

  /** The error of a failed call on {@code what} ({@code the Deployment shop-web}). */
  static PlatformException of(String what, KubernetesClientException e) {
    return of(what, e, null);
  }

  /**
   * The error of a failed call on {@code what} to {@code server}: a call that got no answer says
   * why it could not connect ({@code cannot connect to https://10.0.0.1:6443: connection refused}),
   * never an exception's class name.
   */
  static PlatformException of(String what, KubernetesClientException e, String server) {
    int code = e.getCode();
    String unreachable = code > 0 ? null : unreachable(e, server);
    if (unreachable != null) {
      return new PlatformException(what + ": " + unreachable, e);
    }
    Status status = e.getStatus();
    Set<String> managers = conflictManagers(status);
    if (code == 409 && !managers.isEmpty()) {
      return new PlatformException(
          what
              + ": server-side apply conflicts with field manager "
              + String.join(", ", managers.stream().map(m -> "`" + m + "`").toList())
              + " on "
              + conflictFields(status)
              + "; formation does not take fields another manager owns (Helm, Argo CD): change"
              + " them there, or apply with --force-conflicts to take ownership",
          409,
          "conflict",
          null);
    }
    if (code <= 0) {
      return new PlatformException(what + ": " + brief(e), e);
    }
    String reason = status == null ? null : status.getReason();
    return new PlatformException(
        what + ": " + brief(e) + " (HTTP " + code + ")", code, reason, null);
  }

  /** The managers named by the causes of a conflict, in the server's order. */
  static Set<String> conflictManagers(Status status) {
    Set<String> managers = new LinkedHashSet<>();
    if (status == null) {
      return managers;
    }
    if (status.getDetails() != null && status.getDetails().getCauses() != null) {
      for (StatusCause c : status.getDetails().getCauses()) {
        managers.addAll(matches(c.getMessage()));
      }
    }
    managers.addAll(matches(status.getMessage()));
    return managers;
  }

  private static String conflictFields(Status status) {
    Set<String> fields = new LinkedHashSet<>();
    if (status.getDetails() != null && status.getDetails().getCauses() != null) {
      for (StatusCause c : status.getDetails().getCauses()) {
        if (c.getField() != null) {
          fields.add(c.getField());
        }
      }
    }
    return fields.isEmpty() ? "its fields" : String.join(", ", fields);
  }

  private static Set<String> matches(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text != null) {
      Matcher m = MANAGER.matcher(text);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /**
   * Why no answer came, when the causes say it was the connection: {@code cannot connect to SERVER:
   * connection refused}; else {@code null}.
   */
  static String unreachable(Throwable e, String server) {
    String where = server == null ? "the API server" : Text.clean(server, 200);
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String why = reason(t);
      if (why != null) {
        return "cannot connect to " + where + ": " + why;
      }
    }
    return null;
  }

  private static String reason(Throwable t) {
    if (t instanceof java.net.http.HttpConnectTimeoutException) {
      return "the connection timed out";
    } else if (t instanceof java.net.ConnectException
        || t instanceof java.nio.channels.ClosedChannelException) {
      return "connection refused";
    } else if (t instanceof java.net.UnknownHostException) {
      return "unknown host " + Text.clean(t.getMessage(), 200);
    } else if (t instanceof java.net.NoRouteToHostException) {
      return "no route to host";
    } else if (t.getClass().getName().startsWith("javax.net.ssl.")) {
      // by name: this package does not depend on javax.net.ssl (package-info)
      return "TLS failed (" + Text.clean(t.getMessage(), 200) + ")";
    } else if (t instanceof java.net.http.HttpTimeoutException) {
      return "no answer in time";
    }
    return null;
  }

  /** The server's message, else the client's first line; never a header or a token. */
  static String brief(Throwable e) {
    if (e instanceof KubernetesClientException k
        && k.getStatus() != null
        && k.getStatus().getMessage() != null
        && !k.getStatus().getMessage().isBlank()) {
      return k.getStatus().getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
