package dev.formation.platform.kubernetes;

import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import dev.formation.autoscale.QueueWords;
import dev.formation.config.AutoscaleSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process type's KEDA autoscaling, as the config wants it or as the cluster has it: the band
 * and the queue rule its ScaledObject and TriggerAuthentication carry.
 *
 * @param rule the rule, or {@code null} for a ScaledObject formation cannot read back (another
 *     trigger than one formation writes)
 * @param foreign for a live one: what formation could not read, in words; else {@code null}
 */
record QueueScaler(int min, int max, QueueRule rule, String foreign) {
  QueueScaler {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("a KEDA band " + min + ".." + max);
    }
    if ((rule == null) == (foreign == null)) {
      throw new IllegalArgumentException("a scaler has a rule, or says what it has instead");
    }
  }

  static QueueScaler of(AutoscaleSpec spec) {
    return new QueueScaler(spec.min(), spec.max(), spec.queue(), null);
  }

  /**
   * {@code 1..10 on queue redis queue:default+queue:mailers (50/dyno), down after 5m, every 30s}:
   * everything KEDA's objects carry, so a change of any of it reads as one.
   */
  String describe() {
    String band = AutoscaleSpec.band(min, max);
    return band + " on " + (rule == null ? foreign : QueueWords.full(rule));
  }

  /** The scaler as a saved plan keeps it (a map of plain values; lists as maps by position). */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("min", min);
    json.put("max", max);
    json.put("foreign", foreign);
    if (rule != null) {
      QueueSource source = rule.source();
      json.put("source", source instanceof QueueSource.Redis ? "redis" : "postgres");
      json.put("url_env", source.urlEnv());
      json.put("secret", source.secret());
      if (source instanceof QueueSource.Redis r) {
        Map<String, Object> lists = new LinkedHashMap<>();
        for (int i = 0; i < r.lists().size(); i++) {
          lists.put(String.valueOf(i + 1), r.lists().get(i));
        }
        json.put("lists", lists);
      } else {
        json.put("query", ((QueueSource.Postgres) source).query());
      }
      json.put("per_dyno", rule.perDyno());
      json.put("scale_down_after_s", rule.scaleDownAfter().toSeconds());
      json.put("interval_s", rule.interval().toSeconds());
    }
    return json;
  }

  /** The scaler a saved plan keeps; as {@link #json}. */
  static QueueScaler of(Map<?, ?> json) {
    int min = ((Number) json.get("min")).intValue();
    int max = ((Number) json.get("max")).intValue();
    if (json.get("foreign") instanceof String foreign) {
      return new QueueScaler(min, max, null, foreign);
    }
    String urlEnv = (String) json.get("url_env");
    String secret = (String) json.get("secret");
    QueueSource source;
    if ("redis".equals(json.get("source"))) {
      List<String> lists = new ArrayList<>();
      ((Map<?, ?>) json.get("lists")).values().forEach(v -> lists.add((String) v));
      source = new QueueSource.Redis(urlEnv, secret, lists);
    } else {
      source = new QueueSource.Postgres(urlEnv, secret, (String) json.get("query"));
    }
    QueueRule rule =
        new QueueRule(
            source,
            ((Number) json.get("per_dyno")).intValue(),
            Duration.ofSeconds(((Number) json.get("scale_down_after_s")).longValue()),
            Duration.ofSeconds(((Number) json.get("interval_s")).longValue()));
    return new QueueScaler(min, max, rule, null);
  }

  /** Scalers as a saved plan keeps them, by process type; {@code null} for none. */
  static Map<String, Object> json(Map<String, QueueScaler> scalers) {
    if (scalers.isEmpty()) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    scalers.forEach((type, s) -> json.put(type, s.json()));
    return json;
  }

  static Map<String, QueueScaler> all(Object json) {
    Map<String, QueueScaler> scalers = new LinkedHashMap<>();
    if (json instanceof Map<?, ?> m) {
      m.forEach((type, s) -> scalers.put((String) type, of((Map<?, ?>) s)));
    }
    return scalers;
  }
}
