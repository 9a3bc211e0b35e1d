package dev.formation.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A setup step names its operation and counts as add, change or remove; digests seal text. */
class SetupStepTest {
  @Test
  void step_withoutOperationOrWithAnotherAction_isRefused() {
    assertThatThrownBy(() -> new SetupStep("", "add", null, null, null, null, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SetupStep("dir", "move", null, "/a", "/b", null, false))
        .hasMessageContaining("move");
  }

  @Test
  void sealed_isADigestOfSixteenHexDigits_andADigestStaysAsItIs() {
    String digest = Sealed.of("ruby web.rb");

    assertThat(digest).matches("sha256:[0-9a-f]{16}");
    assertThat(Sealed.of(digest)).isEqualTo(digest);
    assertThat(Sealed.of(null)).isNull();
    assertThat(Sealed.of("ruby web.rb --fast")).isNotEqualTo(digest);
  }
}
