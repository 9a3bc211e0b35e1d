package dev.formation.cli.render;

import dev.formation.diag.Diagnostic;
import dev.formation.planfile.PlanJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Diagnostics as a GitLab Code Quality report: a JSON array of issues ({@code description}, {@code
 * check_name}, {@code fingerprint}, {@code severity}, {@code location.path}, {@code
 * location.lines.begin}), which GitLab shows in the merge request when a job publishes it as {@code
 * artifacts:reports:codequality}.
 *
 * <p>The fingerprint is what GitLab compares between the merge request and its target branch to
 * tell new findings from old: it is made of the code, the file and the message, not the line, so a
 * finding that only moved is not new; identical findings in one file are told apart by their order.
 */
public final class CodeQualityDiagnostics {
  private CodeQualityDiagnostics() {}

  /**
   * @param ref the git ref the files were read at, whose {@code REF:} prefix is taken off the paths
   *     (the report names paths in the repository), or {@code null}
   * @param fallbackPath where a finding without a place in a file is reported (GitLab needs a
   *     path): the first config file
   */
  public static void render(
      List<Diagnostic> diagnostics, String ref, String fallbackPath, PrintWriter out) {
    ArrayNode issues = PlanJson.MAPPER.createArrayNode();
    Map<String, Integer> seen = new HashMap<>();
    for (Diagnostic d : diagnostics) {
      String path = fallbackPath;
      int line = 1;
      if (d.range() != null) {
        path = d.range().file();
        if (ref != null && path.startsWith(ref + ":")) {
          path = path.substring(ref.length() + 1);
        }
        line = d.range().line();
      }
      path = repositoryPath(path);
      String description =
          d.hint() == null ? d.message() : d.message() + " (hint: " + d.hint() + ")";
      String identity = d.code().name() + "\n" + path + "\n" + d.message();
      int occurrence = seen.merge(identity, 1, Integer::sum);
      ObjectNode issue = issues.addObject();
      issue.put("description", description);
      issue.put("check_name", d.code().name() + " " + d.code().slug());
      issue.put("fingerprint", fingerprint(identity + "\n" + occurrence));
      issue.put("severity", d.isError() ? "major" : "minor");
      ObjectNode location = issue.putObject("location");
      location.put("path", path);
      location.putObject("lines").put("begin", line);
    }
    out.print(
        PlanJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(issues)
            + "\n");
    out.flush();
  }

  /**
   * The path as GitLab matches it with the repository's files: relative, without a leading {@code
   * ./} (GitLab's report format asks for none) and with {@code /} separators.
   */
  static String repositoryPath(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }

  private static String fingerprint(String identity) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
