package dev.formation.autoscale.read;

import java.net.URI;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The summed length of Redis lists ({@code LLEN} of each; a missing key is an empty list), over one
 * short-lived connection. The only class that loads Jedis.
 */
final class RedisLists {
  private RedisLists() {}

  static long read(String url, List<String> lists, int timeoutMillis) throws ReadFailure {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ReadFailure("not a Redis URL: " + Urls.masked(url));
    }
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw new ReadFailure("not a redis:// or rediss:// URL: " + Urls.masked(url));
    }
    try (Jedis jedis = new Jedis(uri, timeoutMillis)) {
      long sum = 0;
      for (String list : lists) {
        sum = Math.addExact(sum, jedis.llen(list));
      }
      return sum;
    } catch (JedisException | ArithmeticException e) {
      throw new ReadFailure(
          "Redis at " + Urls.masked(url) + ": " + Urls.mask(why(e), Urls.password(url)));
    }
  }

  private static String why(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return root == e || root.getMessage() == null
        ? message
        : message + " (" + root.getMessage() + ")";
  }
}
