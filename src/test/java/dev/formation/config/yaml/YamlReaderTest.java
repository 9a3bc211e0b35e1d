package dev.formation.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private final Diagnostics diags = new Diagnostics();

  private YNode read(String text) {
    return YamlReader.read("f.yaml", text, diags);
  }

  private List<String> codes() {
    return diags.sorted().stream().map(d -> d.code().name()).toList();
  }

  @Test
  void read_keepsPositionsOfKeysAndValues() {
    YMap root = (YMap) read("version: 1\napps:\n  shop:\n    prune: true\n");

    YMap.Entry apps = root.entry("apps");
    assertThat(apps.keyRange().toString()).isEqualTo("f.yaml:2:1");
    YMap shop = (YMap) ((YMap) apps.value()).get("shop");
    YScalar prune = (YScalar) shop.get("prune");
    assertThat(prune.kind()).isEqualTo(YScalar.Kind.BOOLEAN);
    assertThat(prune.range().toString()).isEqualTo("f.yaml:4:12");
    assertThat(codes()).isEmpty();
  }

  @Test
  void read_typesScalarsByTheYaml12CoreSchema() {
    YMap root = (YMap) read("a: 1\nb: 1.5\nc: 1e9\nd: null\ne: ~\nf: yes\ng: \"1\"\nh: true\n");

    assertThat(root.entries())
        .extracting(e -> ((YScalar) e.value()).kind())
        .containsExactly(
            YScalar.Kind.INTEGER,
            YScalar.Kind.FLOAT,
            YScalar.Kind.FLOAT,
            YScalar.Kind.NULL,
            YScalar.Kind.NULL,
            YScalar.Kind.STRING,
            YScalar.Kind.STRING,
            YScalar.Kind.BOOLEAN);
  }

  @Test
  void read_plainScalars_followTheCoreSchemaButQuotedOnesStayStrings() {
    YMap root =
        (YMap) read("a: TRUE\nb: Null\nc: 0x1F\nd: 0o17\ne: '~'\nf: \"TRUE\"\ng: |\n  null\n");

    assertThat(root.entries())
        .extracting(e -> ((YScalar) e.value()).kind())
        .containsExactly(
            YScalar.Kind.BOOLEAN,
            YScalar.Kind.NULL,
            YScalar.Kind.INTEGER,
            YScalar.Kind.INTEGER,
            YScalar.Kind.STRING,
            YScalar.Kind.STRING,
            YScalar.Kind.STRING);
  }

  @Test
  void read_anchoredScalar_canBeAliased() {
    YMap root = (YMap) read("x-count: &n 3\nquantity: *n\n");

    assertThat(codes()).isEmpty();
    assertThat(((YScalar) root.get("quantity")).text()).isEqualTo("3");
    assertThat(((YScalar) root.get("quantity")).kind()).isEqualTo(YScalar.Kind.INTEGER);
  }

  @Test
  void read_resolvesAnchorsAndAliases() {
    YMap root = (YMap) read("x: &size {size: eco}\na: *size\nb: *size\n");

    assertThat(root.get("a")).isSameAs(root.get("x"));
    assertThat(((YScalar) ((YMap) root.get("b")).get("size")).text()).isEqualTo("eco");
    assertThat(codes()).isEmpty();
  }

  @Test
  void read_mergeKeys_explicitKeysWin_andMergeOrderIsKept() {
    YMap root =
        (YMap)
            read(
                "base: &base {size: eco, quantity: 1}\nmore: &more {autoscale: x, size: basic}\n"
                    + "web:\n  <<: [*base, *more]\n  quantity: 3\n");

    YMap web = (YMap) root.get("web");
    assertThat(web.entries())
        .extracting(YMap.Entry::key)
        .containsExactly("quantity", "size", "autoscale");
    assertThat(((YScalar) web.get("quantity")).text()).isEqualTo("3");
    assertThat(((YScalar) web.get("size")).text()).isEqualTo("eco");
  }

  @Test
  void read_mergeOfAScalar_isFM011() {
    read("a: &a 1\nb:\n  <<: *a\n");

    assertThat(codes()).containsExactly("FM011");
  }

  @Test
  void read_duplicateKey_isFM003AtTheSecondAndKeepsTheFirst() {
    YMap root = (YMap) read("a: 1\nb: 2\na: 3\n");

    assertThat(codes()).containsExactly("FM003");
    assertThat(diags.sorted().get(0).range().toString()).isEqualTo("f.yaml:3:1");
    assertThat(diags.sorted().get(0).message()).contains("line 1");
    assertThat(((YScalar) root.get("a")).text()).isEqualTo("1");
  }

  @Test
  void read_yamlBomb_isRefusedWithoutExpanding() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(("*" + prev + ",").repeat(9))
          .append('*')
          .append(prev)
          .append("]\n");
      prev = String.valueOf(c);
    }

    assertThat(read(bomb.toString())).isNull();
    assertThat(codes()).containsExactly("FM004");
  }

  @Test
  void read_nestingDeeperThanTheBound_isFM004() {
    String deep = "[".repeat(YamlReader.MAX_DEPTH + 1) + "]".repeat(YamlReader.MAX_DEPTH + 1);

    assertThat(read(deep)).isNull();
    assertThat(codes()).containsExactly("FM004");
  }

  @Test
  void read_nestingAtTheBound_isFine() {
    String deep = "[".repeat(YamlReader.MAX_DEPTH) + "]".repeat(YamlReader.MAX_DEPTH);

    assertThat(read(deep)).isInstanceOf(YSeq.class);
    assertThat(codes()).isEmpty();
  }

  @Test
  void read_tabIndentation_isFM002WithAHint() {
    read("a:\n\tb: 1\n");

    Diagnostic d = diags.sorted().get(0);
    assertThat(d.code()).isEqualTo(Code.FM002);
    assertThat(d.message()).contains("tab");
    assertThat(d.hint()).contains("spaces");
    assertThat(d.range().line()).isEqualTo(2);
  }

  @Test
  void read_controlCharacters_isFM002() {
    read("a: \u0001\u0002\n");

    assertThat(codes()).containsExactly("FM002");
  }

  @Test
  void read_secondDocument_isFM002() {
    read("a: 1\n---\nb: 2\n");

    assertThat(codes()).containsExactly("FM002");
    assertThat(diags.sorted().get(0).message()).contains("second one");
  }

  @Test
  void read_emptyText_isNullWithoutDiagnostic() {
    assertThat(read("")).isNull();
    assertThat(read("# only a comment\n")).isNull();
    assertThat(codes()).isEmpty();
  }

  @Test
  void read_undefinedAlias_isFM002() {
    read("a: *nope\n");

    assertThat(codes()).containsExactly("FM002");
  }

  @Test
  void read_unclosedFlowMapping_pointsWhereItOpened() {
    read("a: 1\nb: {c: 1\n\n\n");

    assertThat(diags.sorted().get(0).range().line()).isEqualTo(2);
  }

  @Test
  void read_unclosedQuote_pointsWhereItOpens_withAHint() {
    read("apps:\n  web: {size: \"basic, quantity: 1}\n");

    Diagnostic d = diags.sorted().get(0);
    assertThat(d.code()).isEqualTo(Code.FM002);
    assertThat(d.range().toString()).isEqualTo("f.yaml:2:15");
    assertThat(d.hint()).isEqualTo("close the bracket or quote that opens here");
  }

  @Test
  void read_listAsKey_isExplainedWithoutParserEventNames() {
    read("apps:\n  ? [a, b]\n  : 1\n");

    Diagnostic d = diags.sorted().get(0);
    assertThat(d.code()).isEqualTo(Code.FM002);
    assertThat(d.message())
        .isEqualTo(
            "not valid YAML: a key must be a plain word or a quoted string, not a list, mapping"
                + " or alias")
        .doesNotContain("+SEQ");
  }

  @Test
  void read_badIndentation_hintsAtTheIndentation() {
    read("apps:\n   web: 1\n  worker: 2\n");

    assertThat(diags.sorted().get(0).hint()).contains("indentation");
  }

  @Test
  void mapping_looksKeysUpWithoutScanning() {
    // A 1 MiB file of faulty apps gave 55 000 findings, each looking its app up in one mapping.
    List<YMap.Entry> entries = new ArrayList<>();
    SourceRange at = SourceRange.at("f", 1, 1);
    for (int i = 0; i < 100_000; i++) {
      entries.add(new YMap.Entry("app-" + i, at, new YScalar(YScalar.Kind.NULL, "", at)));
    }
    YMap map = new YMap(entries, at, entries.size());

    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          for (int i = 0; i < 100_000; i++) {
            assertThat(map.entry("app-" + i).key()).isEqualTo("app-" + i);
          }
        });
    assertThat(map.entry("nope")).isNull();
  }
}
