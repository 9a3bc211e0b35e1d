package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.diag.DidYouMean;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcfileTest {
  @Test
  void parse_readsTypeAndCommand_skippingCommentsAndBlanks_andNamesWhatTheLocalPlatformRefuses() {
    Procfile p =
        Procfile.parse(
            "# comment\r\nweb: bundle exec puma -p $PORT\r\n\r\n  worker:   ./work --fast  \n"
                + "not a process line\nrelease-phase:\nweb: the second web\n");

    assertThat(p.commands())
        .containsExactly(
            java.util.Map.entry("web", "bundle exec puma -p $PORT"),
            java.util.Map.entry("worker", "./work --fast"));
    assertThat(p.problems())
        .containsExactly(
            "line 5: not a `type: command` line",
            "line 6: `release-phase` has no command",
            "line 7: `web` is declared twice");
    assertThat(p.has("web")).isTrue();
    assertThat(p.has("clock")).isFalse();
  }

  @Test
  void hints_suggestCloseWordsOnly() {
    assertThat(DidYouMean.didYouMean("wroker", List.of("web", "worker")))
        .isEqualTo("did you mean `worker`?");
    assertThat(DidYouMean.didYouMean("STANDARD-3X", List.of("Standard-1X", "Eco")))
        .isEqualTo("did you mean `Standard-1X`?");
    assertThat(DidYouMean.didYouMean("zzz", List.of("web", "worker"))).isNull();
    assertThat(DidYouMean.didYouMean("", List.of("web"))).isNull();
  }
}
