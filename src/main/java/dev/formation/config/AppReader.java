package dev.formation.config;

import dev.formation.catalog.Catalog;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.diag.Code;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the apps of one file's tree into drafts, checking each process on the way. */
final class AppReader {
  private final FieldReader read;
  private final ProcessReader processes;
  private final KubernetesReader kubernetes;
  private final PolicyReader policies;

  AppReader(Catalog catalog, FieldReader read) {
    this.read = read;
    this.processes = new ProcessReader(catalog, read);
    this.kubernetes = new KubernetesReader(catalog, read);
    this.policies = new PolicyReader(read);
  }

  List<Drafts.App> read(YMap root, Path baseDir) {
    List<Drafts.App> apps = new ArrayList<>();
    if (!(root.get("apps") instanceof YMap appsMap)) {
      return apps;
    }
    AppPolicy top = policies.top(root);
    for (YMap.Entry entry : appsMap.entries()) {
      if (entry.value() instanceof YMap body) {
        TreePath at = TreePath.ROOT.then("apps").then(entry.key());
        apps.add(app(entry, body, at, baseDir, policies.app(body, at, top)));
      }
    }
    return apps;
  }

  private Drafts.App app(YMap.Entry entry, YMap body, TreePath at, Path baseDir, AppPolicy policy) {
    PlatformKind platform = platform(body.get("platform"), at.then("platform"));
    boolean prune = read.bool(body.get("prune"), false);
    Drafts.Local local = null;
    YMap.Entry localEntry = body.entry("local");
    if (localEntry != null && localEntry.value() instanceof YMap localMap) {
      local = local(localMap, at.then("local"), localEntry);
    } else if (localEntry != null) {
      // Present but malformed (the schema said so); still counts as present for FM060.
      local = new Drafts.Local(null, null, null, null, localEntry.keyRange());
    }
    List<Drafts.Process> list = new ArrayList<>();
    if (body.get("processes") instanceof YMap processMap) {
      for (YMap.Entry p : processMap.entries()) {
        TreePath pAt = at.then("processes").then(p.key());
        if (p.value() instanceof YMap) {
          list.add(processes.read(p, pAt));
        }
      }
    }
    KubernetesSpec cluster = kubernetes.read(entry.key(), platform, body, at);
    return new Drafts.App(
        entry.key(),
        entry.keyRange(),
        platform,
        prune,
        local,
        cluster,
        list,
        baseDir,
        null,
        policy.zone(),
        policy.guardrails());
  }

  private PlatformKind platform(YNode node, TreePath at) {
    if (node == null) {
      return PlatformKind.byDefault();
    }
    String word = read.string(node, at);
    if (word == null) {
      return null;
    }
    return PlatformKind.find(word.toLowerCase(Locale.ROOT)).orElse(null);
  }

  private Drafts.Local local(YMap map, TreePath at, YMap.Entry entry) {
    YNode dirNode = map.get("dir");
    YNode portNode = map.get("port");
    String dir = read.string(dirNode, at.then("dir"));
    Integer port = read.integer(portNode, at.then("port"), Code.FM063);
    return new Drafts.Local(
        dir,
        dirNode == null ? null : dirNode.range(),
        port,
        portNode == null ? null : portNode.range(),
        entry.keyRange());
  }
}
