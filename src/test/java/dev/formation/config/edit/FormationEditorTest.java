package dev.formation.config.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits of fixture files: the new text is the old one with exactly the expected substrings replaced
 * or inserted, so every untouched byte is proved unchanged.
 */
class FormationEditorTest {
  private static final String BLOCK =
      """
      # shop  ·  façade ☕ 🚀
      version: 1 # the format
      x-defaults:
        one: &one
          size: standard-1x
          quantity: 1

      apps:
        shop:   # the app
          processes:
            web:
              size: performance-m   # big
              autoscale: {min: 2, max: 8}

            worker:
              size: "standard-2x"
              quantity: 3   # three
            clock:
              <<: *one
            extra:
              <<: *one
            solo:
              size: standard-1x
      """;

  private final FormationEditor editor = new FormationEditor(Catalog.standard());

  private EditResult edit(String text, String app, String... words) {
    return editor.edit(
        "f.yaml",
        text,
        app,
        List.of(words).stream().map(w -> ScaleEdit.parse(w).orElseThrow()).toList(),
        null);
  }

  @Test
  void aCount_replacesOnlyItsDigits() {
    EditResult r = edit(BLOCK, null, "worker=5");
    assertThat(r.text()).isEqualTo(BLOCK.replace("quantity: 3   # three", "quantity: 5   # three"));
    assertThat(r.changes())
        .extracting(EditResult.Change::describe)
        .containsExactly("shop worker quantity: 3 → 5");
  }

  @Test
  void aRelativeCount_andASizeInItsQuotes() {
    EditResult r = edit(BLOCK, "shop", "worker-1", "worker=Performance-L");
    assertThat(r.text())
        .isEqualTo(
            BLOCK
                .replace("quantity: 3   # three", "quantity: 2   # three")
                .replace("\"standard-2x\"", "\"performance-l\""));
  }

  @Test
  void aMissingCount_isAddedUnderTheSize_atItsIndentation() {
    EditResult r = edit(BLOCK, null, "solo=2");
    assertThat(r.text())
        .isEqualTo(
            BLOCK.replace(
                "solo:\n        size: standard-1x\n",
                "solo:\n        size: standard-1x\n        quantity: 2\n"));
  }

  @Test
  void aSizeOfAnAutoscaledType_isFine_butItsCountIsRefused() {
    assertThat(edit(BLOCK, null, "web=performance-l").text())
        .isEqualTo(BLOCK.replace("size: performance-m   # big", "size: performance-l   # big"));
    EditResult r = edit(BLOCK, null, "web=3");
    assertThat(r.refused()).isTrue();
    assertThat(r.text()).isEqualTo(BLOCK);
    Diagnostic d = r.diagnostics().sorted().get(0);
    assertThat(d.code()).isEqualTo(Code.FM171);
    assertThat(d.range().line()).isEqualTo(13);
    assertThat(d.message()).contains("2 to 8");
    assertThat(d.hint()).contains("autoscale.min");
  }

  @Test
  void aMergedValueSharedWithOthers_isRefused_namingThem() {
    EditResult r = edit(BLOCK, null, "clock=2");
    Diagnostic d = r.diagnostics().sorted().get(0);
    assertThat(d.code()).isEqualTo(Code.FM170);
    assertThat(d.message()).contains("<<: *one").contains("extra in app shop");
    assertThat(d.range().line()).isEqualTo(19);
    assertThat(r.text()).isEqualTo(BLOCK);
  }

  @Test
  void anAliasedScalarSharedWithAnotherApp_isRefused() {
    String text =
        """
        version: 1
        apps:
          a: {processes: {web: {size: eco, quantity: &two 2}}}
          b: {processes: {web: {size: eco, quantity: *two}}}
        """;
    Diagnostic d = edit(text, "b", "web+1").diagnostics().sorted().get(0);
    assertThat(d.code()).isEqualTo(Code.FM170);
    assertThat(d.message()).contains("*two").contains("`quantity` of web in app a");
    assertThat(d.range().line()).isEqualTo(4);
  }

  @Test
  void flowMappings_getNewKeysInFlowStyle() {
    String text = "version: 1\napps:\n  a:\n    processes: {web: {size: eco}}  # note\n";
    EditResult r = edit(text, null, "web=1", "clock=1:standard-1x");
    assertThat(r.text())
        .isEqualTo(
            "version: 1\napps:\n  a:\n    processes: {web: {size: eco, quantity: 1},"
                + " clock: {size: standard-1x, quantity: 1}}  # note\n");
  }

  @Test
  void crlf_noTrailingNewline_newBlockType() {
    String text =
        "version: 1\r\napps:\r\n  a:\r\n    processes:\r\n      web:\r\n        size: eco\r\n        quantity: 1";
    EditResult r = edit(text, null, "clock=1:Standard-1X");
    assertThat(r.text())
        .isEqualTo(text + "\r\n      clock:\r\n        size: standard-1x\r\n        quantity: 1");
  }

  @Test
  void refusals_unknownTypeAppAndMultiLineScalars() {
    Diagnostic unknown = edit(BLOCK, null, "nope+1").diagnostics().sorted().get(0);
    assertThat(unknown.code()).isEqualTo(Code.FM172);
    assertThat(unknown.range().toString()).isEqualTo("f.yaml:10:5");
    assertThat(unknown.hint()).contains("web, worker, clock, extra, solo");
    assertThat(edit(BLOCK, null, "nope=1").diagnostics().sorted().get(0).message())
        .contains("needs a size");
    assertThat(edit(BLOCK, "shoq", "web+1").diagnostics().sorted().get(0).code())
        .isEqualTo(Code.FM110);
    String two =
        "version: 1\napps:\n  a: {processes: {web: {size: eco, quantity: 1}}}\n  b: {processes: {}}\n";
    assertThat(edit(two, null, "web=1").diagnostics().sorted().get(0).code()).isEqualTo(Code.FM177);
    String folded =
        "version: 1\napps:\n  a:\n    processes:\n      web:\n        size: >-\n          eco\n        quantity: 1\n";
    assertThat(edit(folded, null, "web=standard-1x").diagnostics().sorted().get(0).code())
        .isEqualTo(Code.FM174);
    assertThat(edit(BLOCK, null, "worker-4").diagnostics().sorted().get(0).code())
        .isEqualTo(Code.FM173);
  }

  @Test
  void anAnchorUsedNowhereElse_staysOnTheValue_andANewTypeGetsTheComment() {
    String text =
        "version: 1\napps:\n  a:\n    processes:\n      web:\n        size: eco\n"
            + "        quantity: &n 1 # mine\n";
    EditResult r =
        editor.edit(
            "f.yaml",
            text,
            null,
            List.of(
                ScaleEdit.parse("web+1").orElseThrow(),
                ScaleEdit.parse("clock=1:eco").orElseThrow()),
            "adopted from the live platform on 2026-12-07");
    assertThat(r.text())
        .isEqualTo(
            text.replace("&n 1 # mine", "&n 2 # mine")
                + "      # adopted from the live platform on 2026-12-07\n"
                + "      clock:\n        size: eco\n        quantity: 1\n");
  }

  @Test
  void nothingToChange_leavesTheTextAlone() {
    EditResult r = edit(BLOCK, null, "worker=3:standard-2x", "web=PERFORMANCE-M");
    assertThat(r.changed()).isFalse();
    assertThat(r.text()).isSameAs(BLOCK);
  }

  @Test
  void words_readAsTheHerokuCliReadsThem() {
    assertThat(ScaleEdit.parse("web=2:standard-2x"))
        .contains(new ScaleEdit("web", 2, null, "standard-2x"));
    assertThat(ScaleEdit.parse("my-worker-1")).contains(new ScaleEdit("my-worker", null, -1, null));
    assertThat(ScaleEdit.parse("web=performance-m"))
        .contains(new ScaleEdit("web", null, null, "performance-m"));
    assertThat(ScaleEdit.parse("web")).isEmpty();
    assertThat(ScaleEdit.parse("web=")).isEmpty();
    assertThat(ScaleEdit.parse("=3")).isEmpty();
  }
}
