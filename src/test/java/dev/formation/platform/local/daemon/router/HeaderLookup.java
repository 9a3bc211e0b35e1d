package dev.formation.platform.local.daemon.router;

import java.util.List;
import java.util.Locale;

/** Looking up the header lines of a message the conformance tests read off the wire. */
interface HeaderLookup {
  List<ScriptedDyno.Header> headers();

  /** Every value of a header, in the order they came. */
  default List<String> all(String name) {
    return headers().stream().filter(h -> h.is(name)).map(ScriptedDyno.Header::value).toList();
  }

  /** The first value of a header, or null. */
  default String header(String name) {
    List<String> all = all(name);
    return all.isEmpty() ? null : all.get(0);
  }

  /** Whether a header lists a token (case-insensitively), as {@code Connection} does. */
  default boolean lists(String name, String token) {
    return all(name).stream()
        .flatMap(v -> List.of(v.split(",")).stream())
        .anyMatch(t -> t.strip().equalsIgnoreCase(token));
  }

  default boolean chunked() {
    String te = header("Transfer-Encoding");
    return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
  }
}
