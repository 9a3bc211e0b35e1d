package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.platform.local.LocalSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private LoadResult load(String... inputs) {
    return new ConfigLoader(Catalog.standard(), dir)
        .load(java.util.Arrays.stream(inputs).map(Path::of).toList());
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String app(String name, String size) {
    return "version: 1\napps:\n  "
        + name
        + ":\n    processes:\n      web: {size: "
        + size
        + ", quantity: 1}\n";
  }

  @Test
  void load_buildsSpecsWithNormalisedSizesAndDefaults() throws IOException {
    write(
        "formation.yaml",
        """
        version: 1
        apps:
          shop:
            prune: true
            processes:
              web:
                size: PERFORMANCE-m
                autoscale: {min: 2, max: 8}
              worker: {size: standard-2x, quantity: 3}
          demo:
            platform: local
            local: {dir: ./app, port: 5000}
            processes:
              web: {size: Standard-1X, quantity: 2}
        """);
    write("app/Procfile", "web: run\n");

    LoadResult result = load("formation.yaml");

    assertThat(result.diagnostics().sorted()).isEmpty();
    Formation f = result.formationOrNull();
    AppSpec shop = f.app("shop").orElseThrow();
    assertThat(shop.prune()).isTrue();
    assertThat(shop.platform()).isEqualTo(PlatformKind.named("heroku"));
    ProcessSpec web = shop.process("web").orElseThrow();
    assertThat(web.size().name()).isEqualTo("Performance-M");
    assertThat(web.quantity()).isNull();
    assertThat(web.autoscale()).isEqualTo(new AutoscaleSpec(2, 8, 1000, false));
    assertThat(shop.process("worker").orElseThrow().quantity()).isEqualTo(3);
    AppSpec demo = f.app("demo").orElseThrow();
    assertThat(demo.platform()).isEqualTo(PlatformKind.named("local"));
    LocalSpec local = (LocalSpec) demo.settings();
    assertThat(local.dir()).isEqualTo(dir.resolve("app").toAbsolutePath().normalize());
    assertThat(local.port()).isEqualTo(5000);
    assertThat(local.procfile()).containsExactly(java.util.Map.entry("web", "run"));
    assertThat(demo.at().toString()).isEqualTo("formation.yaml:10:3");
  }

  @Test
  void load_twoFiles_mergesAppsInFileOrder() throws IOException {
    write("a.yaml", app("shop", "standard-1x"));
    write("b.yaml", app("blog", "basic"));

    LoadResult result = load("b.yaml", "a.yaml");

    assertThat(result.ok()).isTrue();
    assertThat(result.formationOrNull().apps())
        .extracting(AppSpec::name)
        .containsExactly("blog", "shop");
  }

  @Test
  void load_folder_readsItsYamlFilesSortedByName() throws IOException {
    write("conf/b.yaml", app("blog", "basic"));
    write("conf/a.yaml", app("shop", "standard-1x"));
    write("conf/notes.txt", "not yaml");
    write("conf/c.yml", "not: read either");

    LoadResult result = load("conf");

    assertThat(result.ok()).as("%s", result.diagnostics().sorted()).isTrue();
    assertThat(result.formationOrNull().apps())
        .extracting(AppSpec::name)
        .containsExactly("shop", "blog");
    assertThat(result.formationOrNull().apps().get(0).at().file())
        .isEqualTo(Path.of("conf", "a.yaml").toString());
  }

  @Test
  void load_sameFileNamedTwice_isReadOnce() throws IOException {
    write("conf/a.yaml", app("shop", "standard-1x"));

    LoadResult result = load("conf", "conf/a.yaml", "./conf/a.yaml");

    assertThat(result.diagnostics().sorted()).isEmpty();
    assertThat(result.formationOrNull().apps()).hasSize(1);
  }

  @Test
  void load_sameAppInTwoFiles_isFM014NamingBothPlaces() throws IOException {
    write("a.yaml", app("shop", "standard-1x"));
    write("b.yaml", app("shop", "standard-2x"));

    LoadResult result = load("a.yaml", "b.yaml");

    assertThat(result.formationOrNull()).isNull();
    List<Diagnostic> diags = result.diagnostics().sorted();
    assertThat(diags).hasSize(1);
    assertThat(diags.get(0).code()).isEqualTo(Code.FM014);
    assertThat(diags.get(0).range().toString()).isEqualTo("b.yaml:3:3");
    assertThat(diags.get(0).message()).contains("a.yaml:3:3");
  }

  @Test
  void load_emptyFolder_isFM001() throws IOException {
    Files.createDirectories(dir.resolve("empty"));

    LoadResult result = load("empty");

    assertThat(result.diagnostics().sorted())
        .extracting(d -> d.code().name())
        .containsExactly("FM001");
  }

  @Test
  void load_missingDefaultFile_isFM001WithAHint() {
    LoadResult result = load("formation.yaml");

    Diagnostic d = result.diagnostics().sorted().get(0);
    assertThat(d.code()).isEqualTo(Code.FM001);
    assertThat(d.message()).isEqualTo("config file `formation.yaml` does not exist");
    assertThat(d.hint()).contains("-f PATH");
  }

  @Test
  void loadTexts_fromACommit_usesDisplayNamesAndSkipsFolderChecks() {
    String text =
        """
        version: 1
        apps:
          demo:
            platform: local
            local: {dir: ./not-on-disk, port: 5000}
            processes:
              web: {size: standard-1x, quantity: 1}
          shop:
            processes:
              web: {size: standard-3x, quantity: 1}
        """;
    LoadResult result =
        new ConfigLoader(Catalog.standard(), dir)
            .loadTexts(List.of(new SourceText("HEAD~1:formation.yaml", text, null)));

    List<Diagnostic> diags = result.diagnostics().sorted();
    assertThat(diags).extracting(d -> d.code().name()).containsExactly("FM030");
    assertThat(diags.get(0).range().toString()).isEqualTo("HEAD~1:formation.yaml:10:19");
    assertThat(result.sources().line("HEAD~1:formation.yaml", 10)).contains("standard-3x");
  }

  @Test
  void loadTexts_overOneMebibyte_isFM001WithoutParsing() {
    String huge = "x-pad: " + "a".repeat(1024 * 1024) + "\n";

    LoadResult result =
        new ConfigLoader(Catalog.standard(), dir)
            .loadTexts(List.of(new SourceText("main:formation.yaml", huge, null)));

    assertThat(result.diagnostics().sorted())
        .extracting(d -> d.code() + " " + d.range())
        .containsExactly("FM001 main:formation.yaml:1:1");
  }

  @Test
  void load_unknownSize_suggestsTheClosestCatalogueName() throws IOException {
    write("formation.yaml", app("shop", "standrd-2x"));

    Diagnostic d = load("formation.yaml").diagnostics().sorted().get(0);

    assertThat(d.message()).isEqualTo("unknown size `standrd-2x` in process `web` of app `shop`");
    assertThat(d.hint()).isEqualTo("did you mean `Standard-2X`?");
  }

  @Test
  void load_legacySize_hintsTheModernName() throws IOException {
    write("formation.yaml", app("shop", "hobby"));

    Diagnostic d = load("formation.yaml").diagnostics().sorted().get(0);

    assertThat(d.code()).isEqualTo(Code.FM031);
    assertThat(d.hint()).isEqualTo("use `Basic`, its modern equivalent");
  }

  @Test
  void load_unknownKey_namesThePlaceAndSuggestsTheKey() throws IOException {
    write("formation.yaml", "version: 1\napps:\n  shop:\n    procesess: {}\n");

    List<Diagnostic> diags = load("formation.yaml").diagnostics().sorted();

    // Only the misspelling: `processes` is not also reported missing.
    assertThat(diags).extracting(d -> d.code().name()).containsExactly("FM010");
    assertThat(diags.get(0).message()).isEqualTo("unknown key `procesess` in app `shop`");
    assertThat(diags.get(0).hint()).isEqualTo("did you mean `processes`?");
    assertThat(diags.get(0).range().toString()).isEqualTo("formation.yaml:4:5");
  }

  @Test
  void load_nullVersionAndPlatform_sayNull_notAnEmptyQuote() throws IOException {
    write(
        "formation.yaml",
        "version:\napps:\n  shop:\n    platform:\n    processes:\n"
            + "      web: {size: basic, quantity: 1}\n");

    List<Diagnostic> diags = load("formation.yaml").diagnostics().sorted();

    assertThat(diags)
        .extracting(Diagnostic::message)
        .containsExactly(
            "`version` must be 1, not null",
            "`platform` in app `shop` must be `heroku`, `local` or `kubernetes`, not null");
  }

  @Test
  void load_emptySize_saysItIsEmpty() throws IOException {
    write(
        "formation.yaml",
        "version: 1\napps:\n  shop:\n    processes:\n      web: {size: \"\", quantity: 1}\n");

    List<Diagnostic> diags = load("formation.yaml").diagnostics().sorted();

    assertThat(diags).extracting(d -> d.code().name()).containsExactly("FM030");
    assertThat(diags.get(0).message()).isEqualTo("empty size in process `web` of app `shop`");
    assertThat(diags.get(0).range().toString()).isEqualTo("formation.yaml:5:19");
  }

  @Test
  void load_mixedTiers_namesBothSizesAndBothPlaces() throws IOException {
    write(
        "formation.yaml",
        "version: 1\napps:\n  shop:\n    processes:\n      web: {size: standard-1x, quantity: 1}\n"
            + "      worker: {size: private-m, quantity: 1}\n");

    Diagnostic d = load("formation.yaml").diagnostics().sorted().get(0);

    assertThat(d.code()).isEqualTo(Code.FM032);
    assertThat(d.message())
        .contains("Private-M", "Standard-1X", "`worker`", "`web`", "formation.yaml:5:19");
    assertThat(d.range().toString()).isEqualTo("formation.yaml:6:22");
  }

  @Test
  void load_errorsInSeveralPlaces_areAllReportedInFileOrder() throws IOException {
    write(
        "formation.yaml",
        "version: 2\n"
            + "bogus: 1\n"
            + "apps:\n"
            + "  shop:\n"
            + "    processes:\n"
            + "      web: {size: huge, quantity: -1}\n");

    List<Diagnostic> diags = load("formation.yaml").diagnostics().sorted();

    assertThat(diags)
        .extracting(d -> d.code() + "@" + d.range().line())
        .containsExactly("FM013@1", "FM010@2", "FM030@6", "FM040@6");
  }
}
