package dev.formation.platform.kubernetes;

import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The KEDA objects of one queue-autoscaled type, as server-side apply configurations that name only
 * formation's fields (docs/autoscaling.md, "Kubernetes: KEDA"): a {@code ScaledObject} with the
 * band, the polling interval, the scale-down delay and one trigger per source, and the {@code
 * TriggerAuthentication} that reads the connection from the source's Secret. Never the Deployment's
 * replicas: KEDA's own HorizontalPodAutoscaler sets them.
 */
final class KedaBodies {
  static final String API_VERSION = "keda.sh/v1alpha1";

  /** The annotation that keeps the source's {@code url_env}, which KEDA itself never needs. */
  static final String URL_ENV = "formation.dev/url-env";

  /** The Secret key a Redis password is read from, beside the address. */
  static final String PASSWORD_KEY = "password";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private KedaBodies() {}

  /** The TriggerAuthentication's name for a Deployment's ScaledObject. */
  static String authName(String deployment) {
    return deployment + "-queue";
  }

  static String scaledObject(String namespace, String deployment, String app, QueueScaler s) {
    QueueRule rule = s.rule();
    ObjectNode root = object("ScaledObject", namespace, deployment, app);
    ((ObjectNode) root.get("metadata"))
        .putObject("annotations")
        .put(URL_ENV, rule.source().urlEnv());
    ObjectNode spec = root.putObject("spec");
    spec.putObject("scaleTargetRef")
        .put("apiVersion", "apps/v1")
        .put("kind", "Deployment")
        .put("name", deployment);
    spec.put("minReplicaCount", s.min());
    spec.put("maxReplicaCount", s.max());
    spec.put("pollingInterval", rule.interval().toSeconds());
    // KEDA's cooldown applies only to the step from 1 to 0 replicas, which a band from 1 never
    // takes; the HPA's scale-down stabilization window is what keeps a higher count that long
    spec.put("cooldownPeriod", rule.scaleDownAfter().toSeconds());
    ObjectNode advanced = spec.putObject("advanced");
    advanced
        .putObject("horizontalPodAutoscalerConfig")
        .putObject("behavior")
        .putObject("scaleDown")
        .put("stabilizationWindowSeconds", rule.scaleDownAfter().toSeconds());
    ArrayNode triggers = spec.putArray("triggers");
    String per = String.valueOf(rule.perDyno());
    if (rule.source() instanceof QueueSource.Redis r) {
      StringBuilder formula = new StringBuilder();
      for (int i = 0; i < r.lists().size(); i++) {
        ObjectNode t = triggers.addObject();
        t.put("type", "redis");
        t.put("name", "list" + i);
        t.putObject("metadata").put("listName", r.lists().get(i)).put("listLength", per);
        t.putObject("authenticationRef").put("name", authName(deployment));
        formula.append(i == 0 ? "" : " + ").append("list").append(i);
      }
      if (r.lists().size() > 1) {
        // KEDA takes the largest of several triggers; formation's backlog is their sum
        advanced
            .putObject("scalingModifiers")
            .put("formula", formula.toString())
            .put("target", per)
            .put("metricType", "AverageValue");
      }
    } else {
      QueueSource.Postgres p = (QueueSource.Postgres) rule.source();
      ObjectNode t = triggers.addObject();
      t.put("type", "postgresql");
      t.put("name", "query");
      t.putObject("metadata").put("query", p.query()).put("targetQueryValue", per);
      t.putObject("authenticationRef").put("name", authName(deployment));
    }
    return root.toString();
  }

  /**
   * The TriggerAuthentication: for Redis the address ({@code host:port}, KEDA's redis scaler reads
   * no URL) from the source's Secret key and the password from the same Secret's key {@code
   * password}; for PostgreSQL the connection string (a URL is one) from the Secret key.
   */
  static String triggerAuthentication(
      String namespace, String deployment, String app, QueueSource source) {
    ObjectNode root = object("TriggerAuthentication", namespace, authName(deployment), app);
    String[] secret = source.secret().split("/", 2);
    ArrayNode refs = root.putObject("spec").putArray("secretTargetRef");
    if (source instanceof QueueSource.Redis) {
      ref(refs, "address", secret[0], secret[1]);
      ref(refs, "password", secret[0], PASSWORD_KEY);
    } else {
      ref(refs, "connection", secret[0], secret[1]);
    }
    return root.toString();
  }

  private static void ref(ArrayNode refs, String parameter, String name, String key) {
    refs.addObject().put("parameter", parameter).put("name", name).put("key", key);
  }

  private static ObjectNode object(String kind, String namespace, String name, String app) {
    ObjectNode root = JSON.createObjectNode();
    root.put("apiVersion", API_VERSION);
    root.put("kind", kind);
    ObjectNode meta = root.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", namespace);
    meta.putObject("labels").put(KubernetesPlatform.PART_OF, app);
    return root;
  }
}
