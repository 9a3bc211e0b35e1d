package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.router.ValidRequests.Field;
import dev.formation.platform.local.daemon.router.ValidRequests.Framing;
import dev.formation.platform.local.daemon.router.ValidRequests.Head;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Properties of reading a request head ({@link HeadFields}, {@link RequestHead}, {@link
 * HttpBytes#headEnd}) over generated input: hostile bytes are read or refused with 400, 414, 431 or
 * 505 and nothing else; a generated valid request is read as sent, and the head its dyno gets says
 * the same with the hop-by-hop fields out and the router's own fields in, once each; the end of a
 * head is found the same however its bytes arrive.
 *
 * <p>{@code -Dformation.router.cases=N} and {@code -Dformation.router.seed=S} choose the cases.
 */
class HeadParsingPropertiesTest {
  static final int CASES = ChunkedFramingPropertiesTest.CASES;
  static final long SEED = ChunkedFramingPropertiesTest.SEED;
  static final int MAX_LINE = 8192;
  private static final int MAX_FIELDS = 16384;
  private static final long START = 1_700_000_000_123L;
  private static final Set<Integer> REFUSALS = Set.of(400, 414, 431, 505);
  private static final Pattern PLAUSIBLE_ID = Pattern.compile("[-\\w.+=/]{20,200}");

  /** One per connection in the router, used again for each head: so here too. */
  private final HeadFields fields = new HeadFields();

  @Test
  void anyBytes_areReadOrRefusedWithTheirStatus_andWhatIsReadGoesOnWellFormed() throws Exception {
    int read = 0;
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (long seed = SEED; seed < SEED + 10L * CASES; seed++) {
      Random r = ChunkedBodies.random(seed);
      byte[] bytes = Mutations.hostileHead(r);
      String what = "seed " + seed + ": " + ValidRequests.latin1(bytes);
      RequestHead head;
      try {
        head = read(bytes);
      } catch (BadMessage refused) {
        assertThat(refused.status).as(what + " " + refused.getMessage()).isIn(REFUSALS);
        statuses.merge(refused.status, 1, Integer::sum);
        continue;
      }
      read++;
      try {
        HeadFields dyno = dynoHead(head);
        assertThat(dyno.text(0, dyno.lineEnd()))
            .as(what)
            .isEqualTo(head.method + " " + head.target + " HTTP/1.1");
        for (String x : List.of("x-request-id", "x-request-start", "x-forwarded-proto")) {
          assertThat(names(dyno).stream().filter(x::equals)).as(what + " " + x).hasSize(1);
        }
        assertThat(names(dyno)).as(what).doesNotContainAnyElementsOf(ValidRequests.HOP);
      } finally {
        head.release();
      }
    }
    // the generator reaches both outcomes, and every refusal
    assertThat(read).as("generated heads that were read").isGreaterThan(CASES / 2);
    assertThat(statuses.keySet()).as("statuses of the refusals").isEqualTo(REFUSALS);
    System.out.printf("router hostile heads: %d read, refused %s%n", read, statuses);
  }

  @Test
  void validRequests_areReadAsSent_andTheirDynoGetsTheSameHead_withoutHopFields() throws Exception {
    for (long seed = SEED; seed < SEED + CASES; seed++) {
      Random r = ChunkedBodies.random(seed);
      Framing framing = Framing.values()[r.nextInt(3)];
      Head sent = ValidRequests.head(r, 50, framing, r.nextLong() >>> r.nextInt(5, 64));
      String what = "seed " + seed + ": " + ValidRequests.latin1(sent.bytes(r, true));
      RequestHead head;
      try {
        head = read(sent.bytes(r, false));
      } catch (BadMessage e) {
        throw new AssertionError(what + ": refused, " + e.status + " " + e.getMessage(), e);
      }
      try {
        assertThat(head.method).as(what).isEqualTo(sent.method());
        assertThat(head.target).as(what).isEqualTo(sent.target());
        assertThat(head.http11).as(what).isEqualTo(sent.http11());
        assertThat(head.chunked).as(what).isEqualTo(framing == Framing.CHUNKED);
        assertThat(head.contentLength)
            .as(what)
            .isEqualTo(framing == Framing.LENGTH ? sent.length() : -1);
        assertThat(head.keepAlive).as(what).isEqualTo(keepAlive(sent));
        HeadFields dyno = dynoHead(head);
        assertThat(dyno.text(0, dyno.lineEnd()))
            .as(what)
            .isEqualTo(sent.method() + " " + sent.target() + " HTTP/1.1");
        assertThat(fieldsOf(dyno)).as(what).isEqualTo(expectedForDyno(sent, head));
        assertThat(names(dyno)).as(what).doesNotContainAnyElementsOf(ValidRequests.HOP);
        Set<String> listed = listedByConnection(sent);
        assertThat(names(dyno)).as(what + ": listed by Connection").noneMatch(listed::contains);
      } finally {
        head.release();
      }
    }
  }

  @Test
  void theEndOfAHead_isFoundTheSame_atOnceOrInAnyPieces() {
    for (long seed = SEED; seed < SEED + 3L * CASES; seed++) {
      Random r = ChunkedBodies.random(seed);
      byte[] before = new byte[r.nextInt(40)];
      byte[] bytes = r.nextBoolean() ? Mutations.hostileHead(r) : ValidRequests.anyHead(r);
      if (r.nextBoolean()) {
        bytes =
            ChunkedBodies.concat(
                bytes, "GET /next HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      String what = "seed " + seed + ": " + ValidRequests.latin1(bytes);
      int whole = atOnce(before, bytes);
      int pieces = inPieces(before, bytes, ChunkedBodies.cuts(r, bytes.length));
      assertThat(pieces).as(what).isEqualTo(whole);
      if (whole >= 0) {
        assertThat(bytes[whole - 1]).as(what).isEqualTo((byte) '\n');
      }
    }
  }

  /**
   * Where the head in {@code bytes} ends (an offset in it), or -1: searched in one go, after {@code
   * before} (a request already handled, so the head starts past the buffer's start).
   */
  private static int atOnce(byte[] before, byte[] bytes) {
    return inPieces(before, bytes, new int[] {bytes.length});
  }

  /**
   * The same, with the bytes arriving in the pieces {@code cuts} makes, searched as the router
   * does: empty lines skipped, then the search goes on from where the last one stopped.
   */
  private static int inPieces(byte[] before, byte[] bytes, int[] cuts) {
    ByteBuf buf = Unpooled.buffer(16).writeBytes(before);
    buf.readerIndex(before.length);
    try {
      int scanned = 0;
      int pos = 0;
      for (int cut : cuts) {
        buf.writeBytes(bytes, pos, cut - pos);
        pos = cut;
        HttpBytes.skipEmptyLines(buf);
        if (!buf.isReadable()) {
          continue;
        }
        int end = HttpBytes.headEnd(buf, scanned);
        if (end >= 0) {
          return end - before.length;
        }
        scanned = buf.writerIndex();
      }
      return -1;
    } finally {
      buf.release();
    }
  }

  private RequestHead read(byte[] bytes) throws BadMessage {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      fields.read(buf, 0, bytes.length, MAX_LINE, 414, MAX_FIELDS);
    } finally {
      buf.release();
    }
    return RequestHead.read(fields, UnpooledByteBufAllocator.DEFAULT, "127.0.0.1", 8080, 1L, START);
  }

  /** The head the dyno gets, read back (a dyno could read it: it must be well-formed). */
  private static HeadFields dynoHead(RequestHead head) throws BadMessage {
    ByteBuf toDyno = head.toDyno();
    try {
      int end = HttpBytes.headEnd(toDyno, toDyno.readerIndex());
      assertThat(end).as("the end of the dyno's head").isEqualTo(toDyno.writerIndex());
      HeadFields f = new HeadFields();
      f.read(toDyno, toDyno.readerIndex(), toDyno.readableBytes(), 1 << 20, 414, 1 << 20);
      return f;
    } finally {
      toDyno.release();
    }
  }

  private static List<Field> fieldsOf(HeadFields f) {
    List<Field> out = new ArrayList<>();
    for (int i = 0; i < f.count(); i++) {
      out.add(new Field(f.text(f.nameStart(i), f.nameEnd(i)), f.value(i)));
    }
    return out;
  }

  private static List<String> names(HeadFields f) {
    return fieldsOf(f).stream().map(Field::lower).toList();
  }

  /** What the sent head's dyno should get: the fields that pass, then the router's own. */
  private static List<Field> expectedForDyno(Head sent, RequestHead head) {
    Set<String> listed = listedByConnection(sent);
    boolean expect100 =
        sent.http11()
            && sent.fields().stream()
                .anyMatch(
                    f ->
                        f.lower().equals("expect") && f.trimmed().equalsIgnoreCase("100-continue"));
    List<Field> out = new ArrayList<>();
    List<String> forwardedFor = new ArrayList<>();
    String id = null;
    for (Field f : sent.fields()) {
      String n = f.lower();
      if (n.equals("x-forwarded-for") && !f.trimmed().isEmpty()) {
        forwardedFor.add(f.trimmed());
      }
      if (n.equals("x-request-id")) {
        id = f.trimmed();
      }
      if (!ValidRequests.HOP.contains(n)
          && !listed.contains(n)
          && !n.equals("x-request-id")
          && !n.equals("x-request-start")
          && !n.startsWith("x-forwarded-")
          && !(expect100 && n.equals("expect"))) {
        out.add(new Field(f.name(), f.trimmed()));
      }
    }
    if (!sent.http11() && sent.fields().stream().noneMatch(f -> f.lower().equals("host"))) {
      out.add(new Field("Host", "127.0.0.1:8080"));
    }
    if (id != null && PLAUSIBLE_ID.matcher(id).matches()) {
      assertThat(head.id).as("the client's plausible request id, kept").isEqualTo(id);
    }
    assertThat(head.id).as("a request id").isNotBlank();
    out.add(new Field("X-Request-Id", head.id));
    out.add(new Field("X-Request-Start", Long.toString(START)));
    forwardedFor.add("127.0.0.1");
    out.add(new Field("X-Forwarded-For", String.join(", ", forwardedFor)));
    out.add(new Field("X-Forwarded-Proto", "http"));
    out.add(new Field("X-Forwarded-Port", "8080"));
    return out;
  }

  private static Set<String> listedByConnection(Head sent) {
    return sent.fields().stream()
        .filter(f -> f.lower().equals("connection"))
        .flatMap(f -> List.of(f.value().split(",")).stream())
        .map(t -> ScriptedDyno.ows(t).toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  private static boolean keepAlive(Head sent) {
    boolean close = false;
    boolean keep = false;
    for (Field f : sent.fields()) {
      if (f.lower().equals("connection")) {
        for (String t : f.value().split(",")) {
          close |= ScriptedDyno.ows(t).equalsIgnoreCase("close");
          keep |= ScriptedDyno.ows(t).equalsIgnoreCase("keep-alive");
        }
      }
    }
    return sent.http11() ? !close : keep && !close;
  }
}
