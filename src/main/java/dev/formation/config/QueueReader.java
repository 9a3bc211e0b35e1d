package dev.formation.config;

import dev.formation.autoscale.Durations;
import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.config.yaml.YSeq;
import dev.formation.diag.Code;
import dev.formation.diag.Credentials;
import dev.formation.diag.Diagnostics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code queue} rule of an autoscale block: exactly one source (Redis lists or a
 * PostgreSQL query, each naming the environment variable of its URL), the backlog per dyno and the
 * two durations; the Secret key where the app's platform reads one ({@link
 * PlatformKind#readsQueueSecrets}).
 */
final class QueueReader {
  private static final String SECRET = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[-._a-zA-Z0-9]+";

  private final FieldReader read;
  private final Diagnostics diags;

  QueueReader(FieldReader read) {
    this.read = read;
    this.diags = read.diags();
  }

  /** The rule, or {@code null} when it has errors (they are reported). */
  QueueRule read(YMap.Entry entry, TreePath at, PlatformKind platform) {
    if (!(entry.value() instanceof YMap queue)) {
      return null; // the schema reported its type
    }
    int before = diags.errorCount();
    QueueSource source = source(queue, entry, at, platform);
    Integer perDyno = read.integer(queue.get("per_dyno"), at.then("per_dyno"), Code.FM045);
    Duration down = duration(queue, at, "scale_down_after", QueueRule.DEFAULT_SCALE_DOWN_AFTER);
    Duration interval = duration(queue, at, "interval", QueueRule.DEFAULT_INTERVAL);
    if (interval != null && interval.compareTo(Duration.ofSeconds(1)) < 0) {
      diags.error(
          Code.FM045,
          Places.field(at.then("interval")) + " is 0s: the backlog is read at least every second",
          queue.get("interval").range(),
          "read the backlog every few seconds or more: `interval: 30s`");
      interval = null;
    }
    if (diags.errorCount() > before
        || source == null
        || perDyno == null
        || perDyno < 1
        || down == null
        || interval == null) {
      return null;
    }
    return new QueueRule(source, perDyno, down, interval);
  }

  private QueueSource source(YMap queue, YMap.Entry entry, TreePath at, PlatformKind platform) {
    YMap.Entry redis = queue.entry("redis");
    YMap.Entry postgres = queue.entry("postgres");
    if (redis != null && postgres != null) {
      diags.error(
          Code.FM044,
          Places.field(at) + " names both `redis` and `postgres`",
          postgres.keyRange(),
          "a rule reads one backlog: keep `redis` or `postgres`, not both");
      return null;
    }
    if (redis == null && postgres == null) {
      if (!read.faulty(at.then("redis")) && !read.faulty(at.then("postgres"))) {
        diags.error(
            Code.FM044,
            Places.field(at) + " names no source: neither `redis` nor `postgres`",
            entry.keyRange(),
            "say where the backlog is: `redis: {url_env: REDIS_URL, list: queue:default}` or"
                + " `postgres: {url_env: DATABASE_URL, query: \"SELECT count(*) FROM jobs\"}`");
      }
      return null;
    }
    YMap.Entry chosen = redis != null ? redis : postgres;
    TreePath sAt = at.then(chosen.key());
    if (!(chosen.value() instanceof YMap body)) {
      return null;
    }
    String urlEnv = urlEnv(body.get("url_env"), sAt.then("url_env"));
    Secret secret = secret(body, sAt, platform, chosen);
    if (redis != null) {
      List<String> lists = lists(body.get("list"), sAt.then("list"));
      return urlEnv == null || lists == null || !secret.ok()
          ? null
          : new QueueSource.Redis(urlEnv, secret.key(), lists);
    }
    String query = query(body.get("query"), sAt.then("query"));
    return urlEnv == null || query == null || !secret.ok()
        ? null
        : new QueueSource.Postgres(urlEnv, secret.key(), query);
  }

  private String urlEnv(YNode node, TreePath at) {
    String name = read.string(node, at);
    if (name == null || name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return name;
    }
    if (!Credentials.present(name)) { // else the URL itself is the mistake, reported as FM043
      diags.error(
          Code.FM044,
          Places.field(at) + " is not the name of an environment variable: `" + name + "`",
          node.range(),
          "name the variable that holds the URL: `url_env: REDIS_URL`");
    }
    return null;
  }

  /** The Secret key a source names ({@code null}: none, or none that means anything here). */
  private record Secret(String key, boolean ok) {
    static final Secret NONE = new Secret(null, true);
    static final Secret BAD = new Secret(null, false);
  }

  private Secret secret(YMap body, TreePath at, PlatformKind platform, YMap.Entry source) {
    YNode node = body.get("secret");
    String secret = read.string(node, at.then("secret"));
    boolean wanted = platform != null && platform.readsQueueSecrets();
    if (node == null) {
      if (wanted) {
        diags.error(
            Code.FM046,
            Places.field(at)
                + " names no `secret`, but app `"
                + at.name(1)
                + "` is on "
                + platform.word()
                + ": the cluster reads the URL from a Secret",
            source.keyRange(),
            "name the Secret key holding the URL: `secret: NAME/KEY`, e.g. `secret: shop-"
                + source.key()
                + "/url`");
        return Secret.BAD;
      }
      return Secret.NONE;
    }
    if (secret == null) {
      return Secret.BAD;
    }
    if (!secret.matches(SECRET)) {
      diags.error(
          Code.FM044,
          Places.field(at.then("secret")) + " is not a Secret key `NAME/KEY`: `" + secret + "`",
          node.range(),
          "write the Secret's name and the key holding the URL: `secret: shop-redis/url`");
      return Secret.BAD;
    }
    if (!wanted && platform != null) {
      diags.warning(
          Code.FM046,
          Places.field(at.then("secret"))
              + " has no meaning on "
              + platform.word()
              + ": the controller reads the URL from `"
              + read.string(body.get("url_env"), at.then("url_env"))
              + "`",
          node.range(),
          "remove `secret`; only a Kubernetes app reads its URL from a Secret");
      return Secret.NONE;
    }
    return new Secret(secret, true);
  }

  private List<String> lists(YNode node, TreePath at) {
    List<YScalar> written = new ArrayList<>();
    if (node instanceof YScalar s && s.kind() == YScalar.Kind.STRING) {
      written.add(s);
    } else if (node instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (!(item instanceof YScalar s && s.kind() == YScalar.Kind.STRING)) {
          return null; // the schema reported it
        }
        written.add(s);
      }
    }
    if (written.isEmpty() || read.faulty(at)) {
      if (node instanceof YSeq seq && seq.items().isEmpty()) {
        diags.error(
            Code.FM044,
            Places.field(at) + " is empty",
            node.range(),
            "name the list the jobs wait in: `list: queue:default`");
      }
      return null;
    }
    Set<String> lists = new LinkedHashSet<>();
    for (YScalar s : written) {
      if (s.text().isBlank()) {
        diags.error(
            Code.FM044,
            "a blank list key in " + Places.field(at),
            s.range(),
            "name the list the jobs wait in: `queue:default`");
        return null;
      }
      if (!lists.add(s.text())) {
        diags.error(
            Code.FM044,
            "list `" + s.text() + "` is named twice in " + Places.field(at),
            s.range(),
            "the lengths of the lists add up: name each list once");
        return null;
      }
    }
    return List.copyOf(lists);
  }

  private String query(YNode node, TreePath at) {
    String query = read.string(node, at);
    if (query == null) {
      return null;
    }
    String problem = SqlShape.problem(query);
    if (problem != null) {
      diags.error(
          Code.FM044,
          Places.field(at) + " " + problem,
          node.range(),
          "write one query returning one number: `SELECT count(*) FROM jobs WHERE done_at IS"
              + " NULL`");
      return null;
    }
    return query.strip();
  }

  private Duration duration(YMap queue, TreePath at, String key, Duration otherwise) {
    YNode node = queue.get(key);
    if (node == null) {
      return otherwise;
    }
    String text = read.string(node, at.then(key));
    Duration d = text == null ? null : Durations.parse(text);
    if (text != null && d == null) {
      diags.error(
          Code.FM045,
          Places.field(at.then(key)) + " is not a duration: `" + text + "`",
          node.range(),
          "write hours, minutes and seconds: `30s`, `5m`, `1h`, `1m30s`");
    }
    return d;
  }
}
