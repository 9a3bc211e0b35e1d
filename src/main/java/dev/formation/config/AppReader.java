package dev.formation.config;

import dev.formation.catalog.Catalog;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.diag.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the apps of one file's tree into drafts, checking each process on the way. */
final class AppReader {
  private final FieldReader read;
  private final ProcessReader processes;
  private final Catalog catalog;
  private final PolicyReader policies;

  AppReader(Catalog catalog, FieldReader read) {
    this.read = read;
    this.processes = new ProcessReader(catalog, read);
    this.catalog = catalog;
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
    List<Drafts.Process> list = new ArrayList<>();
    if (body.get("processes") instanceof YMap processMap) {
      for (YMap.Entry p : processMap.entries()) {
        TreePath pAt = at.then("processes").then(p.key());
        if (p.value() instanceof YMap) {
          list.add(processes.read(p, pAt, platform));
        }
      }
    }
    PlatformSettings settings = null;
    if (platform != null) {
      Map<String, SourceRange> types = new LinkedHashMap<>();
      list.forEach(p -> types.put(p.type(), p.typeAt()));
      for (PlatformKind owner : PlatformKind.all()) {
        String key = owner.blockKey();
        boolean own = owner == platform;
        if (key == null || (!own && body.entry(key) == null)) {
          continue;
        }
        AppBlock block =
            new AppBlock(
                entry.key(),
                entry.keyRange(),
                body,
                body.entry(key),
                at,
                baseDir,
                types,
                catalog,
                read);
        if (own) {
          settings = owner.readBlock(block);
        } else {
          owner.refuseBlock(block, platform);
        }
      }
    }
    return new Drafts.App(
        entry.key(),
        entry.keyRange(),
        platform,
        prune,
        settings,
        list,
        baseDir,
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
}
