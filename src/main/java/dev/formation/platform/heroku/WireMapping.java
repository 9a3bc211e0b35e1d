package dev.formation.platform.heroku;

import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.platform.PlatformException;
import dev.formation.platform.heroku.api.FormationJson;
import dev.formation.platform.heroku.api.MonitorJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Maps wire records to formation's live-state records, and builds request URLs. */
final class WireMapping {
  private WireMapping() {}

  static List<LiveProcess> processes(List<FormationJson> list) {
    List<LiveProcess> out = new ArrayList<>();
    for (FormationJson f : list) {
      int quantity = f.quantity() == null ? 0 : f.quantity();
      out.add(
          new LiveProcess(f.type(), f.sizeName(), quantity, f.command(), instant(f.updatedAt())));
    }
    return out;
  }

  /** Fir sizes are the lowercase {@code dyno-…} names; the formation list has no generation. */
  static String generation(List<FormationJson> list) {
    boolean fir =
        list.stream()
            .map(FormationJson::sizeName)
            .anyMatch(s -> s != null && s.startsWith("dyno-"));
    return fir ? "fir" : "cedar";
  }

  /**
   * The formation objects of an answer, refused whole when one of them is not one: null, or without
   * a type or a size, or with a negative quantity. A half-read formation would plan wrong changes.
   */
  static List<FormationJson> checked(List<FormationJson> list, String requestId)
      throws PlatformException {
    for (FormationJson f : list) {
      String problem =
          f == null
              ? "a formation entry that is null"
              : f.type() == null || f.type().isBlank()
                  ? "a formation entry without a process type"
                  : f.sizeName() == null || f.sizeName().isBlank()
                      ? "process type `" + f.type() + "` without a dyno size"
                      : f.quantity() != null && f.quantity() < 0
                          ? "process type `" + f.type() + "` with " + f.quantity() + " dynos"
                          : null;
      if (problem != null) {
        throw new PlatformException(
            "the Heroku API answered " + problem + " (request id " + requestId + ")",
            0,
            null,
            requestId);
      }
    }
    return list;
  }

  static LiveMonitor monitor(MonitorJson m, String requestId) throws PlatformException {
    if (m.id() == null
        || m.id().isBlank()
        || orZero(m.minQuantity()) < 0
        || orZero(m.maxQuantity()) < 0
        || m.value() != null && m.value() < 0) {
      throw new PlatformException(
          "the Heroku API answered a scale monitor without an id or with negative values"
              + " (request id "
              + requestId
              + ")",
          0,
          null,
          requestId);
    }
    return monitor(m);
  }

  static LiveMonitor monitor(MonitorJson m) {
    boolean notify = m.notificationChannels() != null && m.notificationChannels().contains("app");
    return new LiveMonitor(
        m.id(),
        Boolean.TRUE.equals(m.active()),
        orZero(m.minQuantity()),
        orZero(m.maxQuantity()),
        m.value() == null ? 1000 : m.value(),
        notify);
  }

  static URI join(URI base, String... segments) {
    StringBuilder sb = new StringBuilder(base.toString());
    for (String s : segments) {
      sb.append('/').append(segment(s));
    }
    return URI.create(sb.toString());
  }

  /** Percent-encodes one path segment (dots too), so a name can never add a path or a query. */
  static String segment(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '~') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  /**
   * A timestamp of the API ({@code 2026-01-05T10:00:00Z}), or null when it is missing or not one.
   * Heroku's own shape, whole seconds in UTC, is read digit by digit: on Java 17 every {@code
   * Instant.parse} builds a new formatter, and a plan of 500 apps parses more than a thousand of
   * these. Anything else (fractions, offsets, a leap second) goes through {@code Instant.parse}.
   */
  static Instant instant(String s) {
    if (s == null) {
      return null;
    }
    if (s.length() == 20 && s.charAt(19) == 'Z' && s.charAt(10) == 'T') {
      try {
        LocalDateTime t =
            LocalDateTime.of(
                digits(s, 0, 4, '-'),
                digits(s, 5, 2, '-'),
                digits(s, 8, 2, 'T'),
                digits(s, 11, 2, ':'),
                digits(s, 14, 2, ':'),
                digits(s, 17, 2, 'Z'));
        return t.toInstant(ZoneOffset.UTC);
      } catch (DateTimeException | NumberFormatException e) {
        // not the plain shape: let the full parser decide
      }
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The ASCII digits at {@code s[from, from + n)}, which must be followed by {@code then}. */
  private static int digits(String s, int from, int n, char then) {
    if (s.charAt(from + n) != then) {
      throw new NumberFormatException(s);
    }
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(s);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
