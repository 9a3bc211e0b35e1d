package dev.formation.ui;

import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.config.SourceText;
import dev.formation.config.edit.EditResult;
import dev.formation.config.edit.ScaleEdit;
import dev.formation.git.UnifiedDiff;
import dev.formation.ops.Configs;
import dev.formation.ops.RestoreOperation;
import dev.formation.ops.ScaleOperation;
import dev.formation.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shape, don't mutate: a control's change is {@code formation scale APP TYPE=N} (or {@code
 * TYPE=SIZE}) on the app's file, with the same editor and refusals ({@link ScaleOperation}), then
 * the plan of the files as they are now, against the last live read, and the file's diff. Nothing
 * is written to a platform: the answer names {@code formation apply -f FILE}. Undo puts the file's
 * text back while nothing else changed it ({@link RestoreOperation}).
 */
final class Shaper {
  /** An edit Undo can take back. */
  private record Edit(Path file, String before, String after, List<EditResult.Change> changes) {}

  private final UiServer.Options options;
  private final Snapshots snapshots;
  private final Map<Long, Edit> edits = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  Shaper(UiServer.Options options, Snapshots snapshots) {
    this.options = options;
    this.snapshots = snapshots;
  }

  /** {@code {"app", "type", "quantity" | "size"}}: edits the app's file. */
  synchronized ObjectNode scale(JsonNode request) {
    String app = request.path("app").asString("");
    String type = request.path("type").asString("");
    ObjectNode answer = UiJson.object().put("app", app).put("type", type);
    String word = word(type, request);
    Path file = fileOf(app);
    if (word == null || file == null || !ScaleEdit.isType(type)) {
      return refused(answer, "the request names no app of the files, type and value");
    }
    Path workDir = options.config().workDir();
    String before = text(workDir.resolve(file));
    ScaleOperation.Result result =
        new ScaleOperation(options.host(), options.version(), options.clock())
            .run(
                new ScaleOperation.Request(
                    file, workDir, app, List.of(word), false, options.settings()));
    answer.put("file", file.toString()).put("word", word);
    answer.set("diagnostics", UiJson.diagnostics(result.diagnostics()));
    answer.put("refused", result.refused());
    if (result.refused() || !result.written()) {
      answer.put("changed", false);
      return answer;
    }
    String after = text(workDir.resolve(file));
    long id = ids.incrementAndGet();
    edits.put(id, new Edit(file, before, after, result.edit().changes()));
    answer.put("changed", true).put("undo", id);
    return withPlan(answer, file, before, after, result.edit().changes());
  }

  /** {@code {"undo": ID}}: puts back the text the edit replaced. */
  synchronized ObjectNode undo(JsonNode request) {
    Edit edit = edits.get(request.path("undo").asLong(-1));
    ObjectNode answer = UiJson.object();
    if (edit == null) {
      return refused(answer, "there is no such edit to undo");
    }
    RestoreOperation.Result result =
        new RestoreOperation()
            .run(
                new RestoreOperation.Request(
                    edit.file(),
                    options.config().workDir(),
                    edit.after(),
                    edit.before(),
                    edit.changes()));
    answer.put("file", edit.file().toString());
    answer.set("diagnostics", UiJson.diagnostics(result.diagnostics()));
    answer.put("refused", result.diagnostics().hasErrors()).put("changed", result.written());
    if (!result.written()) {
      return answer;
    }
    edits.remove(request.path("undo").asLong());
    return withPlan(answer, edit.file(), edit.after(), edit.before(), List.of());
  }

  private ObjectNode withPlan(
      ObjectNode answer, Path file, String before, String after, List<EditResult.Change> changes) {
    var lines = answer.putArray("edited");
    changes.forEach(c -> lines.add(c.describe()));
    answer.put("diff", UnifiedDiff.of("a/" + file, before, "b/" + file, after));
    answer.put("next", "formation apply -f " + file);
    LoadResult loaded = Configs.load(options.config());
    if (loaded.ok()) {
      Formation formation = loaded.formationOrNull();
      Plan plan = snapshots.plan(formation, options.clock().instant());
      answer.set("plan", PlanJson.of(plan));
    } else {
      answer.set("plan_diagnostics", UiJson.diagnostics(loaded.diagnostics()));
    }
    return answer;
  }

  private static String word(String type, JsonNode request) {
    if (request.path("quantity").canConvertToInt()) {
      int n = request.path("quantity").asInt();
      return n < 0 ? null : type + "=" + n;
    }
    String size = request.path("size").asString("");
    return size.matches("[A-Za-z0-9-]{1,40}") ? type + "=" + size : null;
  }

  /** The file that declares {@code app}, as the config names it; {@code null} for none. */
  private Path fileOf(String app) {
    LoadResult loaded = Configs.load(options.config());
    if (!loaded.ok()) {
      return null;
    }
    return loaded
        .formationOrNull()
        .app(app)
        .filter(a -> a.at() != null && a.at().file() != null)
        .map(a -> Path.of(a.at().file()))
        .orElse(null);
  }

  private static String text(Path file) {
    try {
      return SourceText.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      return "";
    }
  }

  private static ObjectNode refused(ObjectNode answer, String why) {
    answer.put("refused", true).put("changed", false);
    answer.putArray("diagnostics").addObject().put("severity", "error").put("message", why);
    return answer;
  }
}
