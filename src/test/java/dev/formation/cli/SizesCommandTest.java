package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.testing.CliRunner;
import dev.formation.testing.CliRunner.Result;
import dev.formation.testing.Golden;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SizesCommandTest {
  @Test
  void sizes_text_matchesGolden() {
    Result r = CliRunner.run("sizes");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    Golden.assertMatches("sizes/sizes.txt", r.out());
  }

  /** The size map comes from the Kubernetes provider; the golden files were written before. */
  @Test
  void sizes_ofAPlatformThatSizesByResources_printsItsSizeMap() {
    Result text = CliRunner.run("sizes", "--platform", "kubernetes");
    Result json = CliRunner.run("sizes", "--platform", "kubernetes", "--format", "json");

    assertThat(text.exitCode()).isEqualTo(0);
    Golden.assertMatches("sizes/kubernetes.txt", text.out());
    Golden.assertMatches("sizes/kubernetes.json", json.out());
  }

  @Test
  void sizes_ofAPlatformThatSizesByName_printsTheCatalogue() {
    Result r = CliRunner.run("sizes", "--platform", "memory");

    assertThat(r.exitCode()).isEqualTo(0);
    Golden.assertMatches("sizes/sizes.txt", r.out());
  }

  @Test
  void sizes_json_matchesGolden() {
    Result r = CliRunner.run("sizes", "--format", "json");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    Golden.assertMatches("sizes/sizes.json", r.out());
  }

  @Test
  void sizes_json_listsEveryCatalogueSizeInOrder() {
    JsonNode root = JsonMapper.shared().readTree(CliRunner.run("sizes", "--format=json").out());

    assertThat(root.get("format_version").asInt()).isEqualTo(1);
    assertThat(root.get("sizes").valueStream().map(s -> s.get("name").asString()).toList())
        .isEqualTo(Catalog.standard().names());
  }

  @Test
  void sizes_text_showsEcoPoolPriceWithFootnote() {
    String out = CliRunner.run("sizes").out();

    assertThat(out).containsPattern("(?m)^Eco .* \\$0 \\(\\+\\$5 pool\\)\\* ");
    assertThat(out).contains("* Eco dynos add $0 each; the account pays $5 a month");
  }

  @Test
  void sizes_unknownFormat_exitsOneWithMessage() {
    Result r = CliRunner.run("sizes", "--format", "xml");

    assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Invalid value for option '--format': 'xml'");
  }
}
