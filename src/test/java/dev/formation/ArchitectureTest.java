package dev.formation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, as each {@code package-info.java} states them
 * ("Dependency rule: {@code x} depends on {@code a} and {@code b} only"), checked by ArchUnit on
 * the compiled main classes. A rule covers its package and its sub-packages unless a sub-package
 * states its own; a package may always use itself and its sub-packages. The libraries each package
 * may use are listed here, since a library is named in prose.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.formation";
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Pattern RULE =
      Pattern.compile(
          "Dependency rule: \\{@code\\s+([\\w.]+)\\}\\s+depends on"
              + " ((?:\\{@code\\s+[\\w.]+\\}|[^.{])*)\\.");
  private static final Pattern CODE = Pattern.compile("\\{@code\\s+([\\w.]+)\\}");

  /** How a rule says that its package may use every other one (the root's is implied). */
  private static final String ANY = "any package of formation";

  /** Library packages (ArchUnit's {@code ..} syntax) by the formation package that may use them. */
  static final Map<String, List<String>> LIBRARIES =
      Map.ofEntries(
          Map.entry("", List.of("picocli..")),
          Map.entry("startup", List.of("picocli..", "com.sun.net.httpserver..")),
          Map.entry("diag", List.of("org.apache.commons.text..")),
          Map.entry("platform", List.of("javax.net.ssl..")),
          Map.entry("config", List.of("tools.jackson..")),
          Map.entry("config.yaml", List.of("tools.jackson..", "org.snakeyaml..")),
          Map.entry("planfile", List.of("tools.jackson..")),
          // the adapter's JSON is streamed: jackson-core only, no data binding
          // (docs/performance.md)
          Map.entry("platform.heroku.api", List.of("tools.jackson.core..")),
          Map.entry("platform.local", List.of("tools.jackson..")),
          Map.entry("platform.local.state", List.of("tools.jackson..")),
          Map.entry("platform.local.daemon", List.of("tools.jackson..", "io.netty..")),
          Map.entry("platform.local.daemon.api", List.of("tools.jackson..", "io.netty..")),
          Map.entry("platform.local.daemon.http", List.of("io.netty..")),
          Map.entry("platform.local.daemon.router", List.of("io.netty..")),
          Map.entry("platform.kubernetes", List.of("io.fabric8..", "tools.jackson..")),
          Map.entry("git", List.of("org.eclipse.jgit..", "org.apache.commons.collections4..")),
          Map.entry("autoscale.read", List.of("redis.clients..", "org.postgresql..")),
          Map.entry("cli", List.of("picocli..")),
          Map.entry("ui", List.of("com.sun.net.httpserver..", "tools.jackson..")),
          Map.entry("cli.render", List.of("picocli..", "tools.jackson..")));

  private static JavaClasses main;
  private static Map<String, Set<String>> rules;

  @BeforeAll
  static void read() throws IOException {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    rules = new java.util.TreeMap<>(statedRules());
  }

  @Test
  void everyPackage_followsTheRuleItsPackageInfoStates() {
    List<String> broken = new ArrayList<>();
    for (String pkg : packages()) {
      String rule = ruleFor(pkg).orElseThrow(() -> new AssertionError(pkg + " has no rule"));
      Set<String> may = new LinkedHashSet<>(rules.get(rule));
      may.add(rule);
      List<String> allowed = new ArrayList<>(List.of("java.."));
      packages().stream()
          .filter(p -> may.contains(ruleFor(p).orElse(null)))
          .forEach(p -> allowed.add(qualified(p)));
      allowed.addAll(LIBRARIES.getOrDefault(rule, List.of()));
      ArchRule archRule =
          classes()
              .that()
              .resideInAPackage(qualified(pkg))
              .should()
              .onlyDependOnClassesThat()
              .resideInAnyPackage(allowed.toArray(String[]::new))
              .because("package-info.java of " + rule + " says so");
      try {
        archRule.check(main);
      } catch (AssertionError e) {
        broken.add(e.getMessage());
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void nothingButTheRootPackage_dependsOnTheCommands() {
    classes()
        .that()
        .resideInAPackage(ROOT + "..")
        .and()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .and()
        .resideOutsideOfPackage(ROOT)
        .and()
        .resideOutsideOfPackage(ROOT + ".startup..") // the training run drives the commands
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .check(main);
  }

  /** The local daemon is a program of its own: nothing of the core, nor of its clients. */
  @Test
  void theLocalDaemon_usesOnlyItsStateFilesTheCatalogAndTheAutoscaleDecision() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".platform.local.daemon..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "io.netty..",
            "tools.jackson..",
            ROOT + ".platform.local.daemon..",
            ROOT + ".platform.local.state..",
            ROOT + ".autoscale..",
            ROOT + ".catalog..")
        .check(main);
  }

  /**
   * Clients reach the daemon over HTTP: only {@code local serve}, which runs it in its own process,
   * uses its code.
   */
  @Test
  void onlyLocalServe_usesTheLocalDaemonsCode() {
    classes()
        .that()
        .resideOutsideOfPackage(ROOT + ".platform.local.daemon..")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".platform.local.ops.LocalServeOperation")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage(ROOT + ".platform.local.daemon..")
        .check(main);
  }

  /** The page is one command's: nothing but {@code cli} (its {@code ui} command) uses it. */
  @Test
  void onlyTheUiCommand_usesTheUi() {
    classes()
        .that()
        .resideOutsideOfPackage(ROOT + ".ui..")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".cli.UiCommand")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage(ROOT + ".ui..")
        .check(main);
  }

  /**
   * The core knows no platform: every platform is a plug-in reached through its provider, so no
   * core package may use a platform's own package tree.
   */
  @Test
  void noCorePackage_usesAPlatformsOwnPackage() {
    String[] core =
        List.of("config", "plan", "apply", "planfile", "ops", "live", "diag").stream()
            .map(p -> qualified(p) + "..")
            .toArray(String[]::new);
    String[] platforms =
        main.stream()
            .map(c -> c.getPackageName())
            .filter(p -> p.startsWith(qualified("platform") + "."))
            .map(p -> p + "..")
            .distinct()
            .toArray(String[]::new);
    assertThat(platforms).isNotEmpty();
    classes()
        .that()
        .resideInAnyPackage(core)
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages(platforms)
        .check(main);
  }

  @Test
  void nothingButMain_dependsOnTheStartupTuning_andMainInOneLine() {
    classes()
        .that()
        .resideInAPackage(ROOT + "..")
        .and()
        .resideOutsideOfPackage(ROOT + ".startup..")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".Main")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage(ROOT + ".startup..")
        .because("start-up tuning is kept out of the product: the package-info of startup")
        .check(main);
    Set<Integer> lines = new TreeSet<>();
    main.get(ROOT + ".Main").getDirectDependenciesFromSelf().stream()
        .filter(d -> d.getTargetClass().getPackageName().startsWith(ROOT + ".startup"))
        .forEach(d -> lines.add(d.getSourceCodeLocation().getLineNumber()));
    assertThat(lines).as("the lines of Main that use the startup package").hasSize(1);
  }

  @Test
  void everyPackageWithClasses_hasAPackageInfoStatingItsRule() throws IOException {
    for (String pkg : packages()) {
      if (pkg.isEmpty()) {
        continue;
      }
      Path info = SOURCES.resolve(qualified(pkg).replace('.', '/')).resolve("package-info.java");
      assertThat(info).as("package-info.java of %s", pkg).exists();
      assertThat(ruleFor(pkg)).as("a rule covering %s", pkg).isPresent();
    }
  }

  @Test
  void statedRules_nameOnlyPackagesThatExist() {
    Set<String> known = new TreeSet<>(packages());
    rules.forEach(
        (pkg, uses) -> assertThat(known).as("the packages %s uses", pkg).containsAll(uses));
  }

  @Test
  void ruleSentence_isReadAsWritten() {
    Matcher m =
        RULE.matcher(
            flatten(
                "<p>Dependency rule: {@code apply} depends on {@code platform.local}, {@code\n"
                    + " * plan} and {@code live} only. Never an adapter."));
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo("apply");
    assertThat(codes(m.group(2))).containsExactly("platform.local", "plan", "live");
    Matcher none =
        RULE.matcher("Dependency rule: {@code live} depends on nothing else in formation.");
    assertThat(none.find()).isTrue();
    assertThat(codes(none.group(2))).isEmpty();
    Matcher any =
        RULE.matcher("Dependency rule: {@code startup} depends on " + ANY + ", as a user.");
    assertThat(any.find()).isTrue();
    assertThat(any.group(2)).startsWith(ANY);
  }

  /** Every package's rule, from its package-info.java, keyed relative to the root. */
  private static Map<String, Set<String>> statedRules() throws IOException {
    Map<String, Set<String>> stated = new java.util.HashMap<>();
    stated.put("", Set.of("*"));
    Set<String> usingAny = new TreeSet<>(Set.of(""));
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path info : files.filter(f -> f.endsWith("package-info.java")).toList()) {
        String text = flatten(Files.readString(info));
        Matcher m = RULE.matcher(text);
        assertThat(m.find()).as("%s states its dependency rule", info).isTrue();
        String pkg = m.group(1);
        assertThat(qualified(pkg).replace('.', '/'))
            .as("the rule in %s names its own package", info)
            .isEqualTo(SOURCES.relativize(info.getParent()).toString());
        stated.put(pkg, codes(m.group(2)));
        if (m.group(2).strip().startsWith(ANY)) {
          usingAny.add(pkg);
        }
      }
    }
    // the root (Main) wires everything; a package that says so may use everything, Main included
    Set<String> known = new TreeSet<>(stated.keySet());
    for (String pkg : usingAny) {
      Set<String> all = new LinkedHashSet<>(known);
      all.remove(pkg);
      stated.put(pkg, all);
    }
    return stated;
  }

  /** A Javadoc comment as one line: line breaks and their leading stars become spaces. */
  private static String flatten(String javadoc) {
    return javadoc.replaceAll("\\n\\s*\\*\\s*", " ");
  }

  private static Set<String> codes(String list) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = CODE.matcher(list);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static Set<String> packages() {
    Set<String> found = new TreeSet<>();
    main.forEach(c -> found.add(relative(c.getPackageName())));
    return found;
  }

  /** The most specific rule covering a package, by longest matching prefix. */
  private static Optional<String> ruleFor(String pkg) {
    return rules.keySet().stream()
        .filter(r -> r.isEmpty() ? pkg.isEmpty() : pkg.equals(r) || pkg.startsWith(r + "."))
        .max(Comparator.comparingInt(String::length));
  }

  private static String qualified(String pkg) {
    return pkg.isEmpty() ? ROOT : ROOT + "." + pkg;
  }

  private static String relative(String pkg) {
    return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
  }
}
