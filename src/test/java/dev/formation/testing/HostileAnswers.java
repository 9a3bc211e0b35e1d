package dev.formation.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates hostile Heroku API answers from a seed, as {@link FakeFault}s for the fake to serve:
 * formation lists with missing fields, wrong types, huge or negative numbers, unknown sizes and
 * control characters; bodies that are no JSON, truncated, {@code null} or 10 MB; odd statuses and
 * headers ({@code Retry-After}, {@code Next-Range}, {@code Request-Id}); endless paging. The same
 * seed always gives the same faults.
 */
public final class HostileAnswers {
  private static final List<String> TYPES =
      List.of(
          "\"web\"",
          "\"worker\"",
          "null",
          "\"\"",
          "42",
          "[]",
          "{}",
          "true",
          "\"w\\u001b]0;pwned\\u0007eb\"",
          "\"web\\r\\nX: 1\"",
          "\"" + "t".repeat(2000) + "\"");

  private static final List<String> SIZES =
      List.of(
          "{\"name\": \"Standard-1X\"}",
          "{\"name\": \"Performance-M\"}",
          "{\"name\": \"Mega-9000\"}",
          "{\"name\": \"\\u001b[31mStandard-1X\"}",
          "{\"name\": null}",
          "{}",
          "null",
          "\"Standard-2X\"",
          "[]",
          "7");

  private static final List<String> QUANTITIES =
      List.of(
          "1",
          "0",
          "-1",
          "2147483648",
          "1e400",
          "9223372036854775808",
          "\"2\"",
          "\"two\"",
          "null",
          "1.5",
          "[]",
          "{}",
          "true");

  private static final List<String> BROKEN_BODIES =
      List.of(
          "",
          "null",
          "[null]",
          "{}",
          "\"a string\"",
          "42",
          "<html><body>Application error</body></html>",
          "[{\"type\": \"web\"",
          "[{\"type\": \"web\", \"quantity\": 1, \"dyno_size\": {\"name\": \"Standard-1X\"}}]]",
          "\u0000\u0001\u0002",
          "[" + "[".repeat(5000) + "]".repeat(5000) + "]",
          "{\"id\": \"rate_limit\", \"message\": \"\\u001b[31mslow down\\u0007\"}");

  private static final int[] STATUSES = {
    200, 200, 200, 206, 201, 202, 204, 301, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504,
    599
  };

  private final Random random;

  private HostileAnswers(long seed) {
    this.random = new Random(seed);
  }

  /** One to three faults for the formation request of app {@code app}, in the order served. */
  public static List<FakeFault> forSeed(long seed, String app) {
    return new HostileAnswers(seed).faults(app);
  }

  private List<FakeFault> faults(String app) {
    String path = "/apps/" + app + "/formation";
    List<FakeFault> faults = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      FakeFault f =
          switch (random.nextInt(12)) {
            case 0 -> FakeFault.endlessPages().times(10_000);
            case 1 -> FakeFault.answer(200, tenMegabytes(), Map.of());
            case 2 -> FakeFault.drop();
            case 3 ->
                FakeFault.answer(
                    STATUSES[random.nextInt(STATUSES.length)], pick(BROKEN_BODIES), headers());
            default -> FakeFault.answer(status(), formationList(app), headers());
          };
      faults.add(f.on("GET", path));
    }
    return faults;
  }

  private int status() {
    return random.nextInt(3) == 0 ? STATUSES[random.nextInt(STATUSES.length)] : 200;
  }

  private String formationList(String app) {
    StringBuilder b = new StringBuilder("[");
    int items = random.nextInt(4);
    for (int i = 0; i < items; i++) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(
          "app", "{\"id\": \"01234567-89ab-cdef-0123-456789abcdef\", \"name\": \"" + app + "\"}");
      fields.put("type", i == 0 ? "\"web\"" : pick(TYPES));
      fields.put("quantity", pick(QUANTITIES));
      fields.put("dyno_size", pick(SIZES));
      fields.put("command", "\"npm start\"");
      fields.put("updated_at", random.nextBoolean() ? "\"2026-01-01T00:00:00Z\"" : "\"yesterday\"");
      // Missing fields: drop some at random.
      fields.keySet().removeIf(k -> random.nextInt(6) == 0);
      b.append(i == 0 ? "" : ",").append("{");
      boolean first = true;
      for (Map.Entry<String, String> e : fields.entrySet()) {
        b.append(first ? "" : ",")
            .append('"')
            .append(e.getKey())
            .append("\": ")
            .append(e.getValue());
        first = false;
      }
      b.append("}");
    }
    return b.append("]").toString();
  }

  private Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    switch (random.nextInt(6)) {
      case 0 ->
          h.put(
              "Retry-After",
              pick(
                  List.of(
                      "0", "1", "12", "999999", "-1", "soon", "Wed, 21 Oct 2015 07:28:00 GMT")));
      case 1 -> h.put("Next-Range", pick(List.of("id ]..; max=200", "", "id ]" + "x".repeat(300))));
      case 2 ->
          h.put("RateLimit-Remaining", pick(List.of("0", "-5", "99999999999999999999", "lots")));
      case 3 -> h.put("Request-Id", pick(List.of("", "x".repeat(500), "req-\u00e9")));
      case 4 -> h.put("Content-Type", pick(List.of("text/html", "application/octet-stream")));
      default -> {}
    }
    return h;
  }

  private static String tenMegabytes() {
    return "[" + "{\"type\": \"web\", \"quantity\": 1},".repeat(330_000) + "{}]";
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
