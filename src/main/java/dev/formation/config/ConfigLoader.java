package dev.formation.config;

import dev.formation.catalog.Catalog;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YamlReader;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import dev.formation.diag.Sources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads formation.yaml files: reads them, parses the YAML, checks them against the schema and the
 * semantic rules, and merges every file's apps into one {@link Formation}.
 */
public final class ConfigLoader {
  private final Catalog catalog;
  private final Path workingDir;

  /**
   * @param workingDir what relative input paths resolve against
   */
  public ConfigLoader(Catalog catalog, Path workingDir) {
    this.catalog = catalog;
    this.workingDir = workingDir;
  }

  /** A loader with the shipped catalogue, resolving paths against the process's directory. */
  public static ConfigLoader standard() {
    return new ConfigLoader(Catalog.standard(), Path.of("").toAbsolutePath());
  }

  /**
   * Loads files and folders (a folder stands for its {@code *.yaml} files, sorted). Diagnostics
   * name each file as the path was given, so relative inputs give relative names.
   */
  public LoadResult load(List<Path> inputs) {
    Diagnostics diags = new Diagnostics();
    List<SourceText> texts = new ConfigFiles(workingDir).read(inputs, diags);
    return loadInto(texts, diags);
  }

  /**
   * Reads the schema every load checks against now rather than in the first load: once per process,
   * from any thread.
   */
  public static void loadSchema() {
    SchemaCheck.get();
  }

  /** Loads texts obtained elsewhere, such as files read from a git commit. */
  public LoadResult loadTexts(List<SourceText> texts) {
    return loadInto(texts, new Diagnostics());
  }

  private LoadResult loadInto(List<SourceText> texts, Diagnostics diags) {
    Sources sources = new Sources();
    List<Drafts.App> apps = new ArrayList<>();
    for (SourceText text : texts) {
      if (text.text().length() > ConfigFiles.MAX_BYTES) {
        // Texts read elsewhere (from git) meet the same bound as files on disk.
        diags.error(
            Code.FM001,
            "`" + text.displayName() + "` is larger than 1 MiB; formation reads at most 1 MiB",
            SourceRange.file(text.displayName()),
            "a formation file is a few kilobytes; is this the right file?");
        continue;
      }
      sources.put(text.displayName(), text.text());
      YMap root = parse(text, diags);
      if (root == null) {
        continue;
      }
      new CredentialCheck(diags).check(root);
      Set<TreePath> faulty = SchemaCheck.get().check(root, diags);
      AppReader reader = new AppReader(catalog, new FieldReader(faulty, diags));
      for (Drafts.App app : reader.read(root, text.baseDir())) {
        new AppRules(diags).check(app);
        new ScheduleRules(diags).check(app);
        apps.add(app);
      }
    }
    List<AppSpec> specs = merge(apps, diags);
    Formation formation = diags.hasErrors() ? null : new Formation(specs);
    return new LoadResult(formation, diags, sources);
  }

  private static YMap parse(SourceText text, Diagnostics diags) {
    String name = text.displayName();
    int errorsBefore = diags.errorCount();
    YNode root = YamlReader.read(name, text.text(), diags);
    if (root instanceof YMap map) {
      return map;
    }
    if (root == null && diags.errorCount() == errorsBefore) {
      diags.error(
          Code.FM005,
          "`" + name + "` is empty",
          SourceRange.file(name),
          "a formation file starts with `version: 1` and lists its apps under `apps:`");
    } else if (root != null) {
      diags.error(
          Code.FM005,
          "the top level of `" + name + "` is " + root.kindWord() + ", not a mapping",
          root.range(),
          "a formation file is a mapping with `version: 1` and `apps:`");
    }
    return null;
  }

  /**
   * Every app once, in file order; an app in two files is an error, and so is what its platform
   * says two of its apps may not share.
   */
  private static List<AppSpec> merge(List<Drafts.App> apps, Diagnostics diags) {
    Map<String, Drafts.App> byName = new LinkedHashMap<>();
    Map<PlatformKind, Map<String, PlatformSettings>> byPlatform = new LinkedHashMap<>();
    List<AppSpec> specs = new ArrayList<>();
    for (Drafts.App app : apps) {
      Drafts.App first = byName.putIfAbsent(app.name(), app);
      if (first != null) {
        diags.error(
            Code.FM014,
            "app `" + app.name() + "` is defined twice: here and at " + first.at(),
            app.at(),
            "keep each app in one file");
        continue;
      }
      if (app.platform() != null && app.settings() != null) {
        byPlatform
            .computeIfAbsent(app.platform(), k -> new LinkedHashMap<>())
            .put(app.name(), app.settings());
      }
      specs.add(app.toSpec());
    }
    byPlatform.forEach((platform, settings) -> platform.checkApps(settings, diags));
    return specs;
  }
}
