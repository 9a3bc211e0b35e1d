package dev.formation.platform.heroku;

import dev.formation.platform.PlatformException;
import dev.formation.platform.heroku.api.ErrorJson;
import dev.formation.platform.heroku.api.Json;
import java.net.URI;
import java.util.Locale;

/**
 * Turns an error response into a {@link PlatformException} a user can act on: the API's own
 * message, made specific for a missing app and a rejected token, with the request id.
 */
final class ApiErrors {
  private ApiErrors() {}

  static PlatformException from(
      String method, URI uri, ApiResponse r, String app, int attempts, String note) {
    ErrorJson error = parse(r.body());
    String id = error == null ? null : error.id();
    String apiMessage =
        error == null || error.message() == null ? null : printable(error.message().strip());
    String message;
    if (r.status() == 401) {
      message =
          "the Heroku API rejected the token (unauthorized): set HEROKU_API_KEY to a valid "
              + "key or run `heroku login`";
    } else if (r.status() == 404 && app != null && !mentionsProcessType(apiMessage)) {
      message = "app `" + app + "` not found (or you have no access)";
    } else if (apiMessage != null && !apiMessage.isEmpty()) {
      message = apiMessage;
    } else {
      message =
          "the Heroku API answered HTTP " + r.status() + " to " + method + " " + uri.getPath();
    }
    StringBuilder sb = new StringBuilder(message).append(" (");
    if (r.status() == 429) {
      sb.append("rate limit exhausted; ");
    }
    sb.append("request id ").append(r.requestId() == null ? "none" : r.requestId());
    if (attempts > 1) {
      sb.append("; gave up after ").append(attempts).append(" attempts");
    }
    if (note != null) {
      sb.append("; ").append(note);
    }
    sb.append(')');
    return new PlatformException(sb.toString(), r.status(), id, r.requestId());
  }

  /**
   * The API's words with every character a terminal would act on escaped ({@code \u001b}). The
   * renderers escape what they show, but some commands print an error as it is; this adapter may
   * not use the renderers' helper (platforms sit below the CLI), so it keeps this guard of its own.
   */
  static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      boolean unsafe =
          Character.isISOControl(c)
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR;
      if (c == '\n') {
        b.append(' '); // Heroku's messages wrap lines ("...rate limit\nPlease wait...")
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (unsafe) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  // a 404 naming a process type is about the type, not the app
  private static boolean mentionsProcessType(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return m.contains("process type") || m.contains("formation");
  }

  private static ErrorJson parse(String body) {
    if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
      return null;
    }
    try {
      return Json.error(body);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
