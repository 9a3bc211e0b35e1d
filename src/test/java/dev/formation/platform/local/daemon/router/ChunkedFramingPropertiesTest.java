package dev.formation.platform.local.daemon.router;

import static dev.formation.platform.local.daemon.router.ChunkedBodies.concat;
import static dev.formation.platform.local.daemon.router.ChunkedBodies.cuts;
import static dev.formation.platform.local.daemon.router.ChunkedBodies.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.formation.platform.local.daemon.router.ChunkedBodies.Decoded;
import dev.formation.platform.local.daemon.router.ChunkedBodies.Encoded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link ChunkedFraming} over generated bodies (0 to 20 KB of arbitrary bytes)
 * chunked every which way and fed in arbitrary pieces, and over hostile variations of them: the
 * data ranges give back exactly the body, the body is done exactly at its end and nothing past it
 * is consumed; broken framing is refused with {@link BadMessage} and nothing else, in bounded time,
 * without a read past what was given.
 *
 * <p>{@code -Dformation.router.cases=N} and {@code -Dformation.router.seed=S} choose the cases; a
 * failure names the seed that repeats it.
 */
class ChunkedFramingPropertiesTest {
  static final int CASES = Integer.getInteger("formation.router.cases", 300);
  static final long SEED = Long.getLong("formation.router.seed", 20_261_207L);
  private static final byte[] NEXT =
      "GET /next HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void anyBody_chunkedAnyway_inAnyPieces_decodesToItself_andEndsAtItsEnd() throws Exception {
    for (long seed = SEED; seed < SEED + CASES; seed++) {
      Random r = ChunkedBodies.random(seed);
      boolean strict = r.nextBoolean();
      Encoded e = ChunkedBodies.encode(r, ChunkedBodies.body(r, 20 * 1024), strict);
      byte[] extra = r.nextBoolean() ? NEXT : new byte[r.nextInt(3)];
      byte[] bytes = concat(e.wire(), extra);
      String what = "seed " + seed + " (strict " + strict + ", " + e.body().length + " bytes)";

      Decoded d =
          feed(new ChunkedFraming(strict), bytes, cuts(r, bytes.length), e.wire().length, r, what);

      assertThat(d.data()).as(what).isEqualTo(e.body());
      assertThat(d.done()).as(what).isTrue();
      assertThat(d.consumed()).as(what).isEqualTo(e.wire().length);
      assertThat(d.left()).as(what + ": the next request is left").isEqualTo(extra);
    }
  }

  @Test
  void aBareLfAnywhereInTheFraming_isRefusedWhenStrict_andReadTheSameOtherwise() throws Exception {
    for (long seed = SEED; seed < SEED + CASES; seed++) {
      Random r = ChunkedBodies.random(seed);
      Encoded e = ChunkedBodies.encode(r, ChunkedBodies.body(r, 2048), true);
      int cr = e.crs().get(r.nextInt(e.crs().size()));
      byte[] bare = new byte[e.wire().length - 1];
      System.arraycopy(e.wire(), 0, bare, 0, cr);
      System.arraycopy(e.wire(), cr + 1, bare, cr, bare.length - cr);
      String what = "seed " + seed + ", CR at " + cr + " of " + e.wire().length + " dropped";
      int[] cuts = cuts(r, bare.length);

      assertThatThrownBy(() -> feed(new ChunkedFraming(true), bare, cuts, -1, r, what))
          .as(what)
          .isInstanceOf(BadMessage.class);
      Decoded lenient = feed(new ChunkedFraming(false), bare, cuts, bare.length, r, what);
      assertThat(lenient.data()).as(what).isEqualTo(e.body());
    }
  }

  @Test
  void mutatedFraming_decodesOrIsRefused_neverAnythingElse() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          int[] outcomes = new int[3];
          for (long seed = SEED; seed < SEED + 3L * CASES; seed++) {
            Random r = ChunkedBodies.random(seed);
            boolean strict = r.nextBoolean();
            byte[] wire = ChunkedBodies.encode(r, ChunkedBodies.body(r, 1024), strict).wire();
            byte[] mutated = Mutations.mutate(r, wire);
            String what = "seed " + seed + " (strict " + strict + ")";
            try {
              Decoded d =
                  feed(new ChunkedFraming(strict), mutated, cuts(r, mutated.length), -1, r, what);
              assertThat(d.consumed() + d.left().length).as(what).isEqualTo(mutated.length);
              outcomes[d.done() ? 0 : 1]++;
            } catch (BadMessage refused) {
              assertThat(refused.status).as(what).isEqualTo(400);
              outcomes[2]++;
            }
          }
          System.out.printf(
              "router mutated chunked bodies: %d done, %d waiting for more, %d refused%n",
              outcomes[0], outcomes[1], outcomes[2]);
        });
  }

  @Test
  void anyChunkSize_isFollowedOrRefused_aSizeOf2To63OrMore_isRefused() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (long seed = SEED; seed < SEED + 3L * CASES; seed++) {
            Random r = ChunkedBodies.random(seed);
            // every magnitude, and a quarter at 2^63 or more (negative as a long)
            long size =
                r.nextInt(4) == 0
                    ? r.nextLong() | Long.MIN_VALUE
                    : Math.max(1, r.nextLong() >>> r.nextInt(64));
            boolean strict = r.nextBoolean();
            String hex = ChunkedBodies.hex(r, size);
            // no more than the size: past it, the chunk's CRLF would be due
            byte[] data =
                new byte[(int) (size > 0 ? Math.min(size, r.nextInt(64)) : r.nextInt(64))];
            r.nextBytes(data);
            byte[] bytes = concat((hex + "\r\n").getBytes(StandardCharsets.US_ASCII), data);
            String what = "seed " + seed + ": size " + hex + " then " + data.length + " bytes";
            Decoded d;
            try {
              d = feed(new ChunkedFraming(strict), bytes, cuts(r, bytes.length), -1, r, what);
            } catch (BadMessage refused) {
              assertThat(size < 0 || hex.length() > 16)
                  .as(what + ": refused (" + refused.getMessage() + ")")
                  .isTrue();
              continue;
            }
            assertThat(size).as(what + ": followed").isPositive();
            assertThat(hex.length()).as(what).isLessThanOrEqualTo(16);
            int expected = (int) Math.min(size, data.length);
            assertThat(d.data()).as(what).hasSize(expected);
            assertThat(d.done()).as(what).isFalse();
          }
        });
  }

  @Test
  void aSizeOf2To63_isRefused_notFollowedForever() {
    for (String size : new String[] {"8000000000000000", "ffffffff00000000", "FFFFFFFFFFFFFFFF"}) {
      byte[] bytes = (size + "\r\nabc").getBytes(StandardCharsets.US_ASCII);
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () ->
              assertThatThrownBy(
                      () ->
                          feed(
                              new ChunkedFraming(true),
                              bytes,
                              new int[] {bytes.length},
                              -1,
                              new Random(0),
                              size))
                  .as(size)
                  .isInstanceOf(BadMessage.class));
    }
  }
}
