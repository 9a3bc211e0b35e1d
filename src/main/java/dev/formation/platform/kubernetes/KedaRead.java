package dev.formation.platform.kubernetes;

import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A ScaledObject (and its TriggerAuthentication) read back into the queue rule it carries: the
 * mapping of {@link KedaBodies} undone, with KEDA's own defaults where a field is missing, so that
 * {@code import} writes what formation would have written. What formation does not write (other
 * triggers, a mix) is kept as words.
 */
final class KedaRead {
  /** KEDA's defaults: a poll every 30 s, and the HPA's own 300 s scale-down stabilization. */
  private static final int POLLING = 30;

  private static final int STABILIZATION = 300;
  private static final int MAX_REPLICAS = 100;

  private KedaRead() {}

  /** The Deployment a ScaledObject scales, or {@code null}. */
  static String target(JsonNode so) {
    JsonNode ref = so.path("spec").path("scaleTargetRef");
    String kind = ref.path("kind").asString("Deployment");
    return kind.equals("Deployment") ? ref.path("name").asString(null) : null;
  }

  /**
   * The scaler a ScaledObject is.
   *
   * @param auths the namespace's TriggerAuthentications by name
   */
  static QueueScaler scaler(JsonNode so, Map<String, JsonNode> auths) {
    JsonNode spec = so.path("spec");
    int min = spec.path("minReplicaCount").asInt(0);
    int max = Math.max(min, spec.path("maxReplicaCount").asInt(MAX_REPLICAS));
    List<JsonNode> triggers = new ArrayList<>();
    spec.path("triggers").forEach(triggers::add);
    TreeSet<String> types = new TreeSet<>();
    triggers.forEach(t -> types.add(t.path("type").asString("?")));
    QueueSource source = null;
    Integer per = null;
    String env = so.path("metadata").path("annotations").path(KedaBodies.URL_ENV).asString(null);
    if (!triggers.isEmpty() && types.equals(new TreeSet<>(List.of("redis")))) {
      List<String> lists = new ArrayList<>();
      for (JsonNode t : triggers) {
        lists.add(t.path("metadata").path("listName").asString(""));
        per = number(t.path("metadata").path("listLength").asString(null));
      }
      JsonNode modifiers = spec.path("advanced").path("scalingModifiers");
      if (lists.size() > 1 && modifiers.has("target")) {
        per = number(modifiers.path("target").asString(null));
      }
      String secret = secret(triggers.get(0), auths, "address");
      source = attempt(() -> new QueueSource.Redis(env(env, "REDIS_URL"), secret, lists));
    } else if (triggers.size() == 1 && types.equals(new TreeSet<>(List.of("postgresql")))) {
      JsonNode meta = triggers.get(0).path("metadata");
      per = number(meta.path("targetQueryValue").asString(null));
      String secret = secret(triggers.get(0), auths, "connection");
      String query = meta.path("query").asString("");
      source = attempt(() -> new QueueSource.Postgres(env(env, "DATABASE_URL"), secret, query));
    }
    if (source == null || per == null || per < 1) {
      return new QueueScaler(
          min, max, null, "KEDA triggers " + (types.isEmpty() ? "none" : String.join(", ", types)));
    }
    int interval = Math.max(1, spec.path("pollingInterval").asInt(POLLING));
    int down =
        spec.path("advanced")
            .path("horizontalPodAutoscalerConfig")
            .path("behavior")
            .path("scaleDown")
            .path("stabilizationWindowSeconds")
            .asInt(STABILIZATION);
    QueueSource chosen = source;
    int perDyno = per;
    return new QueueScaler(
        min,
        max,
        new QueueRule(
            chosen, perDyno, Duration.ofSeconds(Math.max(0, down)), Duration.ofSeconds(interval)),
        null);
  }

  /** The {@code NAME/KEY} a trigger's TriggerAuthentication reads {@code parameter} from. */
  private static String secret(JsonNode trigger, Map<String, JsonNode> auths, String parameter) {
    String name = trigger.path("authenticationRef").path("name").asString(null);
    JsonNode auth = name == null ? null : auths.get(name);
    if (auth == null) {
      return null;
    }
    for (JsonNode ref : auth.path("spec").path("secretTargetRef")) {
      if (parameter.equals(ref.path("parameter").asString(""))) {
        return ref.path("name").asString("") + "/" + ref.path("key").asString("");
      }
    }
    return null;
  }

  private static String env(String annotated, String otherwise) {
    return annotated != null && annotated.matches("[A-Za-z_][A-Za-z0-9_]*") ? annotated : otherwise;
  }

  /** A whole number KEDA keeps as text ({@code "50"}), or {@code null}. */
  private static Integer number(String text) {
    if (text == null || !text.matches("[0-9]{1,9}")) {
      return null;
    }
    return Integer.parseInt(text);
  }

  /** A source the cluster's text makes, or {@code null} when it breaks a rule of the record. */
  private static QueueSource attempt(java.util.function.Supplier<QueueSource> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      return null; // one parse of outside input: a value formation would not have written
    }
  }
}
