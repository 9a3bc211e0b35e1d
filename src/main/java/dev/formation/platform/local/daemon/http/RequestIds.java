package dev.formation.platform.local.daemon.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids for the API's answers and the router's {@code X-Request-Id}: random (version 4) UUIDs
 * from a fast generator. An id correlates a request with the logs; it needs to be unique, not
 * secret, and {@link UUID#randomUUID()}'s SecureRandom costs a lock per request.
 */
public final class RequestIds {
  private RequestIds() {}

  public static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(hi, lo).toString();
  }
}
