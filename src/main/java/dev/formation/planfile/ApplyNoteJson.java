package dev.formation.planfile;

import dev.formation.apply.AppResult;
import dev.formation.apply.ApplyReport;
import dev.formation.plan.AppPlan;
import dev.formation.plan.Plan;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** What {@code formation log} needs of one record: when, and which apps were applied. */
  public record Applied(Instant at, List<String> apps, String toolVersion) {
    public Applied {
      apps = List.copyOf(apps);
    }
  }

  /** One line: apps, their changes and outcome, time, tool version, config digest, commit. */
  public static String line(
      Plan plan,
      ApplyReport report,
      Instant at,
      String toolVersion,
      String configDigest,
      String commit) {
    return line(plan, report, at, toolVersion, configDigest, commit, false);
  }

  /**
   * As above; {@code forceConflicts} records that server-side apply took ownership of fields other
   * field managers held ({@code apply --force-conflicts}).
   */
  public static String line(
      Plan plan,
      ApplyReport report,
      Instant at,
      String toolVersion,
      String configDigest,
      String commit,
      boolean forceConflicts) {
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
      app.put("error", result.error());
    }
    return PlanJson.MAPPER.writeValueAsString(root);
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
        for (JsonNode a : n.path("apps")) {
          if ("applied".equals(a.path("outcome").asString(""))) {
            apps.add(a.path("app").asString(""));
          }
        }
        records.add(
            new Applied(
                Instant.parse(n.path("applied_at").asString("")).truncatedTo(ChronoUnit.SECONDS),
                apps,
                n.path("tool_version").asString("")));
      } catch (JacksonException | DateTimeParseException e) {
        // a damaged line says nothing reliable about an apply; the others still do
      }
    }
    return records;
  }
}
