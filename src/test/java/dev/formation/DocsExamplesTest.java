package dev.formation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Output quoted in the docs is the output the code gives: each quote is a golden file. */
class DocsExamplesTest {
  /** The code block after {@code heading} in {@code doc}. */
  static String quoted(Path doc, String heading) throws Exception {
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int at = text.indexOf(heading);
    assertThat(at).as("%s has a section %s", doc, heading).isNotNegative();
    int start = text.indexOf("```text\n", at) + "```text\n".length();
    return text.substring(start, text.indexOf("```", start));
  }

  @Test
  void planMd_quotesTheRichPlanGolden() throws Exception {
    assertThat(quoted(Path.of("docs", "plan.md"), "## What the plan shows"))
        .as("docs/plan.md quotes src/test/resources/golden/plan/rich.txt; copy it again")
        .isEqualTo(
            Files.readString(
                Path.of("src", "test", "resources", "golden", "plan", "rich.txt"),
                StandardCharsets.UTF_8));
  }

  @Test
  void planMd_quotesTheOfflinePlanGolden() throws Exception {
    assertThat(quoted(Path.of("docs", "plan.md"), "## Offline plans"))
        .as("docs/plan.md quotes src/test/resources/golden/plan/offline.txt; copy it again")
        .isEqualTo(
            Files.readString(
                Path.of("src", "test", "resources", "golden", "plan", "offline.txt"),
                StandardCharsets.UTF_8));
  }
}
