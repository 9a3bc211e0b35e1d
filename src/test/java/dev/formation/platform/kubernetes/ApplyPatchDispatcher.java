package dev.formation.platform.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fabric8 CRUD dispatcher plus what it lacks, server-side apply: an apply patch creates the
 * object when it is missing, else merges into it the way the API server merges an apply
 * configuration (maps deeply, lists of named objects by {@code name}, other lists replaced). It
 * records who applied, so tests can see formation's field manager. No conflict detection: the
 * conflict tests use expectations instead.
 */
final class ApplyPatchDispatcher extends KubernetesCrudDispatcher {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  final List<String> applies = new ArrayList<>();

  /**
   * Objects (by name) whose fields another field manager owns: an apply to one without {@code
   * force=true} gets the API server's 409 conflict naming that manager.
   */
  final Map<String, String> foreignOwners = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The {@code metadata.resourceVersion} of each scale merge patch, in order ({@code null} for
   * none). As the API server does, a version that is not the stored one is a 409 conflict.
   */
  final List<String> scales = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * When set, another writer changes the Deployment just before the next scale patch arrives (a
   * deploy racing the apply), which moves its resourceVersion.
   */
  final java.util.concurrent.atomic.AtomicBoolean raceNextScale =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * When set, the status of every {@code keda.sh} request: 404 for a cluster without KEDA's CRDs,
   * 403 for a user RBAC does not let see them.
   */
  final java.util.concurrent.atomic.AtomicInteger kedaStatus =
      new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    int status = kedaStatus.get();
    if (status != 0 && request.getPath().startsWith("/apis/keda.sh/")) {
      return new MockResponse()
          .setResponseCode(status)
          .setBody(
              """
              {"kind":"Status","apiVersion":"v1","status":"Failure","code":%d,
               "message":"keda.sh is not there for this user"}
              """
                  .formatted(status));
    }
    return super.dispatch(request);
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    if (type == null || !type.startsWith("application/apply-patch")) {
      String path = request.getPath();
      String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      if (bare.endsWith("/scale")) {
        String body = request.getUtf8Body();
        request =
            new RecordedRequest(
                "HTTP/1.1",
                HttpMethod.PATCH,
                path,
                request.getHeaders(),
                new Buffer(body.getBytes(StandardCharsets.UTF_8)));
        JsonNode version = JSON.readTree(body).path("metadata").get("resourceVersion");
        String wanted = version == null ? null : version.asString();
        String deployment = bare.substring(0, bare.length() - "/scale".length());
        if (raceNextScale.getAndSet(false)) {
          ObjectNode raced =
              (ObjectNode) JSON.readTree(findResource(getKey(deployment)).getValue());
          ((ObjectNode) raced.path("metadata")).putObject("annotations").put("raced", "yes");
          handleUpdate(request(HttpMethod.PUT, deployment, raced.toString()));
        }
        Map.Entry<?, String> stored = findResource(getKey(deployment));
        String have =
            stored == null
                ? null
                : JSON.readTree(stored.getValue())
                    .path("metadata")
                    .path("resourceVersion")
                    .asString();
        if (wanted != null && !wanted.equals(have)) {
          return new MockResponse()
              .setResponseCode(409)
              .setBody(
                  """
                  {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409,
                   "message":"Operation cannot be fulfilled on deployments.apps: the object has been modified; please apply your changes to the latest version and try again"}
                  """);
        }
        scales.add(wanted);
      }
      return super.handlePatch(request);
    }
    String path = request.getPath();
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    synchronized (applies) {
      applies.add(path);
    }
    String name = bare.substring(bare.lastIndexOf('/') + 1);
    String owner = foreignOwners.get(name);
    if (owner != null && !path.contains("force=true")) {
      return new MockResponse()
          .setResponseCode(409)
          .setBody(
              """
              {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409,
               "message":"Apply failed with 1 conflict: conflict with \\"%s\\" using apps/v1: .spec.template.spec.containers[name=\\"app\\"].resources.requests.cpu",
               "details":{"causes":[{"reason":"FieldManagerConflict",
                 "message":"conflict with \\"%s\\" using apps/v1",
                 "field":".spec.template.spec.containers[name=\\"app\\"].resources.requests.cpu"}]}}
              """
                  .formatted(owner, owner));
    }
    JsonNode applied = JSON.readTree(request.getUtf8Body());
    Map.Entry<?, String> existing = findResource(getKey(bare));
    if (existing == null) {
      String collection = bare.substring(0, bare.lastIndexOf('/'));
      return handleCreate(request(HttpMethod.POST, collection, applied.toString()));
    }
    ObjectNode merged = (ObjectNode) JSON.readTree(existing.getValue());
    merge(merged, applied);
    return handleUpdate(request(HttpMethod.PUT, bare, merged.toString()));
  }

  private static RecordedRequest request(HttpMethod method, String path, String body) {
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    return new RecordedRequest(
        "HTTP/1.1", method, path, headers, new Buffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static void merge(ObjectNode into, JsonNode from) {
    for (Map.Entry<String, JsonNode> e : from.properties()) {
      JsonNode have = into.get(e.getKey());
      JsonNode give = e.getValue();
      if (have instanceof ObjectNode h && give.isObject()) {
        merge(h, give);
      } else if (have instanceof ArrayNode h && give.isArray() && named(give)) {
        for (JsonNode item : give) {
          ObjectNode match = null;
          for (JsonNode old : h) {
            if (old.isObject() && item.get("name").equals(old.get("name"))) {
              match = (ObjectNode) old;
            }
          }
          if (match == null) {
            h.add(item);
          } else {
            merge(match, item);
          }
        }
      } else {
        into.set(e.getKey(), give);
      }
    }
  }

  private static boolean named(JsonNode list) {
    for (JsonNode item : list) {
      if (!item.isObject() || item.get("name") == null) {
        return false;
      }
    }
    return list.size() > 0;
  }
}
