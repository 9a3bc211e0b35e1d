package dev.formation.config;

import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YSeq;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code timezone:} and {@code guardrails:}, at the top level and in each app. */
final class PolicyReader {
  private final FieldReader read;
  private final Diagnostics diags;

  PolicyReader(FieldReader read) {
    this.read = read;
    this.diags = read.diags();
  }

  /** The top level's zone (UTC when none is written) and guardrails. */
  AppPolicy top(YMap root) {
    ZoneId zone = zone(root.get("timezone"), TreePath.ROOT.then("timezone"));
    GuardrailSpec guardrails = guardrails(root.get("guardrails"), TreePath.ROOT.then("guardrails"));
    return new AppPolicy(zone == null ? AppSpec.UTC : zone, guardrails);
  }

  /** An app's own zone and guardrails over the top level's. */
  AppPolicy app(YMap body, TreePath at, AppPolicy top) {
    ZoneId zone = zone(body.get("timezone"), at.then("timezone"));
    GuardrailSpec own = guardrails(body.get("guardrails"), at.then("guardrails"));
    return new AppPolicy(zone == null ? top.zone() : zone, own.over(top.guardrails()));
  }

  private ZoneId zone(YNode node, TreePath at) {
    String name = read.string(node, at);
    if (name == null) {
      return null;
    }
    var found = ZoneNames.find(name);
    if (found.isEmpty()) {
      diags.error(
          Code.FM070,
          "unknown time zone `" + name + "` " + Places.in(parent(at)),
          node.range(),
          ZoneNames.hint(name));
      return null;
    }
    return found.get();
  }

  private GuardrailSpec guardrails(YNode node, TreePath at) {
    if (!(node instanceof YMap map)) {
      return GuardrailSpec.NONE;
    }
    Integer increase =
        read.integer(map.get("max_monthly_increase"), at.then("max_monthly_increase"), Code.FM080);
    Integer percent =
        read.integer(
            map.get("max_scale_down_percent"), at.then("max_scale_down_percent"), Code.FM080);
    List<String> protect = protect(map.get("protect"), at.then("protect"));
    YNode branchNode = map.get("require_branch");
    String branch = read.string(branchNode, at.then("require_branch"));
    // git's own rules, narrowed: no spaces, control characters or ref syntax (~^:?*[\ ..)
    if (branch != null && (!branch.matches("[\\w./-]+") || branch.contains(".."))) {
      diags.error(
          Code.FM080,
          "`require_branch` " + Places.in(at) + " is `" + branch + "`, not a branch name",
          branchNode.range(),
          "name the branch applies come from, e.g. `require_branch: main`");
      branch = null;
    }
    return new GuardrailSpec(increase, percent, protect, branch);
  }

  private List<String> protect(YNode node, TreePath at) {
    if (!(node instanceof YSeq seq) || read.faulty(at)) {
      return null;
    }
    List<String> types = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YNode item = seq.items().get(i);
      String type = read.string(item, at.then(i));
      if (type == null) {
        continue;
      }
      if (!type.matches("[-\\w]{1,128}")) {
        diags.error(
            Code.FM080,
            "`protect` " + Places.in(parent(at)) + " lists `" + type + "`, not a process type",
            item.range(),
            "list process types as the Procfile names them, e.g. `protect: [web]`");
      } else if (!seen.add(type)) {
        diags.error(
            Code.FM080,
            "`protect` " + Places.in(parent(at)) + " lists `" + type + "` twice",
            item.range(),
            "list each process type once");
      } else {
        types.add(type);
      }
    }
    return types;
  }

  private static TreePath parent(TreePath at) {
    return new TreePath(at.steps().subList(0, at.size() - 1));
  }
}
