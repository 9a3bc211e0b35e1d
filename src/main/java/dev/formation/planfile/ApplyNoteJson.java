package dev.formation.planfile;

import dev.formation.apply.AppResult;
import dev.formation.apply.ApplyReport;
import dev.formation.diag.Diagnostic;
import dev.formation.plan.AppPlan;
import dev.formation.plan.AppliedFormation;
import dev.formation.plan.GuardrailBreach;
import dev.formation.plan.Plan;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The apply records kept in git notes: one compact JSON object per line, one line per apply, so
 * records of several applies of one commit sit in one note.
 */
public final class ApplyNoteJson {
  private ApplyNoteJson() {}

  /**
   * What {@code formation log} needs of one record: when, which apps were applied, which guardrail
   * breaches were let through, and who ran it.
   *
   * @param allowed the breaches {@code --allow} let through, in the applied apps
   * @param author who ran the apply (the git author), or {@code null} when not recorded
   */
  public record Applied(
      Instant at, List<String> apps, String toolVersion, List<Allowance> allowed, String author) {
    public Applied {
      apps = List.copyOf(apps);
      allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public Applied(Instant at, List<String> apps, String toolVersion) {
      this(at, apps, toolVersion, List.of(), null);
    }

    /** The same record narrowed to {@code only} of its apps. */
    public Applied of(List<String> only) {
      return new Applied(
          at,
          only,
          toolVersion,
          allowed.stream().filter(a -> only.contains(a.app())).toList(),
          author);
    }
  }

  /** A guardrail breach an apply let through with {@code --allow}. */
  public record Allowance(String app, String rule, String type, String detail) {}

  /** One line: apps, their changes and outcome, time, tool version, config digest, commit. */
  public static String line(
      Plan plan,
      ApplyReport report,
      Instant at,
      String toolVersion,
      String configDigest,
      String commit) {
    return line(plan, report, at, toolVersion, configDigest, commit, false, null);
  }

  /**
   * One line as {@link #line(Plan, ApplyReport, Instant, String, String, String)}, with what only
   * some applies have.
   *
   * @param forceConflicts server-side apply took ownership of fields other field managers held
   *     ({@code apply --force-conflicts})
   * @param author the git author of whoever ran it, or {@code null}; with it, per app, the
   *     guardrail breaches let through with {@code --allow}
   */
  public static String line(
      Plan plan,
      ApplyReport report,
      Instant at,
      String toolVersion,
      String configDigest,
      String commit,
      boolean forceConflicts,
      String author) {
    ObjectNode root = PlanJson.MAPPER.createObjectNode();
    root.put("kind", "formation-apply");
    root.put("format_version", PlanJson.FORMAT_VERSION);
    root.put("applied_at", at.truncatedTo(ChronoUnit.SECONDS).toString());
    root.put("tool_version", toolVersion);
    root.put("config_digest", configDigest);
    root.put("commit", commit);
    if (forceConflicts) {
      root.put("force_conflicts", true);
    }
    if (author != null) {
      root.put("author", author);
    }
    ArrayNode apps = root.putArray("apps");
    for (AppResult result : report.apps()) {
      ObjectNode app = apps.addObject();
      app.put("app", result.app());
      app.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
      ArrayNode changes = app.putArray("changes");
      plan.apps().stream()
          .filter(p -> p.app().equals(result.app()))
          .map(AppPlan::changes)
          .flatMap(List::stream)
          .forEach(c -> changes.add(PlanJson.change(c, true)));
      // the messages as before; their codes beside them, for a reader that wants to know which
      app.put(
          "error",
          result.errors().isEmpty()
              ? null
              : result.errors().stream()
                  .map(Diagnostic::message)
                  .collect(Collectors.joining("; ")));
      if (!result.errors().isEmpty()) {
        ArrayNode codes = app.putArray("codes");
        result.errors().forEach(d -> codes.add(d.code().name()));
      }
      if (result.outcome() == AppResult.Outcome.APPLIED) {
        plan.app(result.app())
            .map(p -> AppliedFormation.of(p, at))
            .ifPresent(f -> app.set("formation", formation(f)));
      }
      plan.app(result.app())
          .map(p -> p.breaches().stream().filter(GuardrailBreach::allowed).toList())
          .filter(list -> !list.isEmpty())
          .ifPresent(list -> app.set("allowed", PlanJson.breaches(list)));
    }
    return PlanJson.MAPPER.writeValueAsString(root);
  }

  /** What an applied app was left with: each type's size and count, and its band if any. */
  private static ArrayNode formation(AppliedFormation f) {
    ArrayNode types = PlanJson.MAPPER.createArrayNode();
    for (AppliedFormation.Type t : f.types()) {
      ObjectNode type = types.addObject();
      type.put("type", t.type());
      type.put("size", t.size());
      type.put("quantity", t.quantity());
      if (t.max() != null) {
        type.putObject("autoscale").put("min", t.min()).put("max", t.max());
      }
    }
    return types;
  }

  /**
   * Per app, the formation its latest recorded apply left, from the text of every note; apps whose
   * records predate the {@code formation} field, or whose last apply failed, have none.
   */
  public static Map<String, AppliedFormation> lastApplied(Collection<String> notes) {
    Map<String, AppliedFormation> last = new HashMap<>();
    lastRecorded(notes).forEach((app, recorded) -> last.put(app, recorded.formation()));
    return last;
  }

  /**
   * An app's latest recorded apply: the formation it left and the commit it applied.
   *
   * @param commit the full id of the commit the record names, or {@code null} when it names none
   */
  public record Recorded(AppliedFormation formation, String commit) {}

  /** {@link #lastApplied(Collection)}, each with the commit its apply applied. */
  public static Map<String, Recorded> lastRecorded(Collection<String> notes) {
    Map<String, Recorded> last = new HashMap<>();
    for (String note : notes) {
      for (String line : note.split("\n")) {
        if (!line.startsWith("{")) {
          continue;
        }
        try {
          JsonNode n = PlanJson.MAPPER.readTree(line);
          if (!"formation-apply".equals(n.path("kind").asString(""))) {
            continue;
          }
          Instant at = Instant.parse(n.path("applied_at").asString(""));
          String commit = n.path("commit").isString() ? n.path("commit").asString() : null;
          for (JsonNode a : n.path("apps")) {
            AppliedFormation f = formation(a, at);
            Recorded known = f == null ? null : last.get(f.app());
            if (f != null && (known == null || known.formation().at().isBefore(at))) {
              last.put(f.app(), new Recorded(f, commit));
            }
          }
        } catch (JacksonException | DateTimeParseException | IllegalArgumentException e) {
          // a damaged line says nothing reliable about an apply; the others still do
        }
      }
    }
    return last;
  }

  private static AppliedFormation formation(JsonNode app, Instant at) {
    if (!"applied".equals(app.path("outcome").asString("")) || !app.path("formation").isArray()) {
      return null;
    }
    List<AppliedFormation.Type> types = new ArrayList<>();
    for (JsonNode t : app.path("formation")) {
      JsonNode band = t.path("autoscale");
      types.add(
          new AppliedFormation.Type(
              t.path("type").asString(""),
              t.path("size").asString(""),
              t.path("quantity").asInt(0),
              band.isObject() ? band.path("min").asInt() : null,
              band.isObject() ? band.path("max").asInt() : null));
    }
    return new AppliedFormation(app.path("app").asString(""), at, types);
  }

  /** The records of a note, skipping lines that are not formation's (a person may add text). */
  public static List<Applied> read(String note) {
    List<Applied> records = new ArrayList<>();
    for (String line : note.split("\n")) {
      if (!line.startsWith("{")) {
        continue;
      }
      try {
        JsonNode n = PlanJson.MAPPER.readTree(line);
        if (!"formation-apply".equals(n.path("kind").asString(""))) {
          continue;
        }
        List<String> apps = new ArrayList<>();
        List<Allowance> allowed = new ArrayList<>();
        for (JsonNode a : n.path("apps")) {
          if ("applied".equals(a.path("outcome").asString(""))) {
            String name = a.path("app").asString("");
            apps.add(name);
            for (JsonNode b : a.path("allowed")) {
              allowed.add(
                  new Allowance(
                      name,
                      b.path("rule").asString(""),
                      b.path("type").isString() ? b.path("type").asString() : null,
                      b.path("detail").asString("")));
            }
          }
        }
        records.add(
            new Applied(
                Instant.parse(n.path("applied_at").asString("")).truncatedTo(ChronoUnit.SECONDS),
                apps,
                n.path("tool_version").asString(""),
                allowed,
                n.path("author").isString() ? n.path("author").asString() : null));
      } catch (JacksonException | DateTimeParseException e) {
        // a damaged line says nothing reliable about an apply; the others still do
      }
    }
    return records;
  }
}
