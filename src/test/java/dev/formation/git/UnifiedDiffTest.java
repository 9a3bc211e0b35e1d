package dev.formation.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  private static String lines(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "line " + i)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void of_equalTexts_isEmpty() {
    assertThat(UnifiedDiff.of("a", "x\n", "b", "x\n")).isEmpty();
  }

  @Test
  void of_oneChangedLine_hasThreeLinesOfContextEachSide() {
    String before = lines(1, 10);
    String after = before.replace("line 5\n", "line five\n");

    assertThat(UnifiedDiff.of("a/f", before, "b/f", after))
        .isEqualTo(
            """
            --- a/f
            +++ b/f
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8
            """);
  }

  @Test
  void of_farApartChanges_makeTwoHunks_closeOnesOne() {
    String before = lines(1, 30);
    String far = before.replace("line 2\n", "two\n").replace("line 25\n", "");
    String close = before.replace("line 2\n", "two\n").replace("line 7\n", "seven\n");

    assertThat(UnifiedDiff.of("a", before, "b", far).lines().filter(l -> l.startsWith("@@")))
        .containsExactly("@@ -1,5 +1,5 @@", "@@ -22,7 +22,6 @@");
    assertThat(UnifiedDiff.of("a", before, "b", close).lines().filter(l -> l.startsWith("@@")))
        .containsExactly("@@ -1,10 +1,10 @@");
  }

  @Test
  void of_newFile_isAllAdded_againstDevNull() {
    assertThat(UnifiedDiff.of("a", null, "b", "x\ny\n"))
        .isEqualTo("--- /dev/null\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
  }
}
