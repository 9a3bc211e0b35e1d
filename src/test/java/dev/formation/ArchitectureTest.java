package dev.formation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package dependency rules of STYLE.md, checked on every main source file's imports and
 * fully-qualified names. A rule covers its package and sub-packages unless a sub-package has a rule
 * of its own; a new package needs one line in {@link #MAY_USE}.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.formation";
  private static final Path SOURCES = Path.of("src", "main", "java");

  /** Package (relative to the root, "" for the root) → the formation packages it may use. */
  static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("", Set.of("*")),
          Map.entry("diag", Set.of()),
          Map.entry("catalog", Set.of()),
          Map.entry("config", Set.of("diag", "catalog")),
          Map.entry("live", Set.of()),
          Map.entry("plan", Set.of("diag", "catalog", "config", "live")),
          Map.entry("planfile", Set.of("diag", "catalog", "config", "live", "plan", "apply")),
          Map.entry("platform", Set.of("diag", "catalog", "config", "live", "plan")),
          Map.entry(
              "platform.heroku", Set.of("diag", "catalog", "config", "live", "plan", "platform")),
          Map.entry(
              "platform.local", Set.of("diag", "catalog", "config", "live", "plan", "platform")),
          Map.entry("git", Set.of("diag", "catalog", "config", "plan")),
          Map.entry(
              "apply",
              Set.of(
                  "diag",
                  "catalog",
                  "config",
                  "live",
                  "plan",
                  "platform",
                  "platform.heroku",
                  "platform.local",
                  "git")),
          Map.entry("cli", Set.of("*")));

  /** Library package prefix → the formation packages allowed to import it. */
  static final Map<String, Set<String>> LIBRARIES =
      Map.of(
          "tools.jackson",
              Set.of("config", "planfile", "cli.render", "platform.heroku", "platform.local"),
          "org.eclipse.jgit", Set.of("git"));

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern FORMATION_NAME =
      Pattern.compile("\\bdev\\.formation\\.((?:[a-z_][a-z0-9_]*\\.)*)[A-Z*]");

  @Test
  void mainSources_followTheDependencyRules() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : mainSources()) {
      violations.addAll(violations(file.toString(), Files.readString(file)));
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackageWithClasses_hasAPackageInfoStatingItsRule() throws IOException {
    Set<Path> folders = new TreeSet<>();
    mainSources().forEach(f -> folders.add(f.getParent()));
    folders.remove(SOURCES.resolve(ROOT.replace('.', '/')));

    for (Path folder : folders) {
      Path info = folder.resolve("package-info.java");
      assertThat(info).as("package-info.java in %s", folder).exists();
      assertThat(Files.readString(info)).as("%s", info).contains("Dependency rule");
    }
  }

  @Test
  void checker_reportsAForbiddenImport_aForbiddenLibrary_andAnUnknownPackage() {
    assertThat(violations("D.java", "package dev.formation.diag;\nimport dev.formation.config.X;"))
        .singleElement(STRING)
        .contains("diag may not use config");
    assertThat(violations("P.java", "package dev.formation.plan;\nimport tools.jackson.core.X;"))
        .singleElement(STRING)
        .contains("plan may not use tools.jackson");
    assertThat(
            violations(
                "C.java", "package dev.formation.config;\nclass C { dev.formation.cli.A a; }"))
        .hasSize(1);
    assertThat(violations("N.java", "package dev.formation.newthing;\n"))
        .singleElement(STRING)
        .contains("no rule");
    assertThat(
            violations(
                "K.java", "package dev.formation.config.yaml;\nimport dev.formation.diag.D;"))
        .isEmpty();
  }

  /** Each broken rule in one source file, as a readable line. */
  static List<String> violations(String file, String source) {
    Matcher pkg = PACKAGE.matcher(source);
    if (!pkg.find() || !(pkg.group(1) + ".").startsWith(ROOT + ".")) {
      return List.of(file + ": not in package " + ROOT);
    }
    String own = relative(pkg.group(1));
    Optional<String> rule = ruleFor(own);
    if (rule.isEmpty()) {
      return List.of(file + ": package " + own + " has no rule in ArchitectureTest.MAY_USE");
    }
    String body = source.substring(pkg.end());
    List<String> found = new ArrayList<>();
    Matcher m = FORMATION_NAME.matcher(body);
    while (m.find()) {
      String used = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
      String usedRule = ruleFor(used).orElse(used);
      Set<String> allowed = MAY_USE.get(rule.get());
      boolean ok =
          usedRule.equals(rule.get()) || allowed.contains("*") || allowed.contains(usedRule);
      if (!ok) {
        found.add(
            file + ": " + rule.get() + " may not use " + (used.isEmpty() ? "the root" : used));
      }
    }
    LIBRARIES.forEach(
        (library, users) -> {
          if (body.contains(library + ".") && users.stream().noneMatch(u -> within(own, u))) {
            found.add(file + ": " + own + " may not use " + library);
          }
        });
    return found.stream().distinct().toList();
  }

  /** The most specific rule covering a package, by longest matching prefix. */
  private static Optional<String> ruleFor(String pkg) {
    return MAY_USE.keySet().stream()
        .filter(r -> within(pkg, r))
        .max(Comparator.comparingInt(String::length));
  }

  private static boolean within(String pkg, String rule) {
    return rule.isEmpty() ? pkg.isEmpty() : pkg.equals(rule) || pkg.startsWith(rule + ".");
  }

  private static String relative(String pkg) {
    return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
  }

  private static List<Path> mainSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
