package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the installed platforms are put in order, and what makes an installation broken. */
class PlatformRegistryTest {
  private record Kind(String word, boolean isDefault) implements PlatformKind {}

  @Test
  void arrange_putsTheDefaultFirst_thenKeepsTheOrderFound() {
    Kind a = new Kind("a", false);
    Kind b = new Kind("b", true);
    Kind c = new Kind("c", false);

    assertThat(PlatformRegistry.arrange(List.of(a, b, c))).containsExactly(b, a, c);
  }

  @Test
  void arrange_twoPlatformsOfOneWord_isABrokenInstallation() {
    assertThatThrownBy(
            () ->
                PlatformRegistry.arrange(
                    List.of(new Kind("a", true), new Kind("b", false), new Kind("b", false))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two platforms are installed as b");
  }

  @Test
  void arrange_noDefaultOrTwo_isABrokenInstallation() {
    assertThatThrownBy(() -> PlatformRegistry.arrange(List.of(new Kind("a", false))))
        .hasMessageContaining("exactly one installed platform must be the default");
    assertThatThrownBy(
            () -> PlatformRegistry.arrange(List.of(new Kind("a", true), new Kind("b", true))))
        .hasMessageContaining("exactly one installed platform must be the default");
  }

  @Test
  void installed_areTheShippedThreeAndTheTestOnlyOne_herokuTheDefault() {
    assertThat(PlatformKind.all())
        .extracting(PlatformKind::word)
        .containsExactlyInAnyOrder("heroku", "local", "kubernetes", "memory");
    assertThat(PlatformKind.byDefault().word()).isEqualTo("heroku");
    assertThat(PlatformKind.find("nope")).isEmpty();
    assertThat(PlatformKind.named("local")).isSameAs(PlatformKind.named("local"));
  }
}
