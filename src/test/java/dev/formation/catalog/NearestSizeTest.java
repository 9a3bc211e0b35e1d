package dev.formation.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.PlatformKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The size import writes for a container that matches none: one that validate accepts. */
class NearestSizeTest {
  private final Catalog catalog = Catalog.standard();

  /** The Kubernetes provider's map, as import uses it. */
  private static final Map<String, Resources> SIZE_MAP = PlatformKind.named("kubernetes").sizeMap();

  private String pick(Resources has, List<String> others, int replicas, boolean autoscaled) {
    List<Size> sizes = others.stream().map(n -> catalog.find(n).orElseThrow()).toList();
    return NearestSize.pick(catalog, SIZE_MAP, has, sizes, replicas, autoscaled).name();
  }

  @Test
  void theSmallestWithEnoughMemoryAndCpu_inTheDefaultGroup() {
    assertThat(pick(Resources.ofMib(300, 768), List.of(), 2, false)).isEqualTo("Standard-2X");
    assertThat(pick(Resources.ofMib(100, 3072), List.of("Standard-1X"), 1, false))
        .isEqualTo("Performance-L");
    // enough memory but not CPU anywhere below the largest: the smallest with enough memory
    assertThat(pick(Resources.ofMib(3000, 600), List.of(), 1, false)).isEqualTo("Performance-L");
  }

  @Test
  void nothingRequested_isTheSmallestOfTheGroup() {
    assertThat(pick(new Resources(0, 0), List.of(), 1, false)).isEqualTo("Standard-1X");
    assertThat(pick(new Resources(0, 0), List.of("dyno-2c-1gb"), 1, false))
        .isEqualTo("dyno-1c-0.5gb");
  }

  @Test
  void moreThanTheGroupHas_isItsLargest() {
    assertThat(pick(Resources.ofMib(64_000, 400_000), List.of("Private-S"), 1, false))
        .isEqualTo("Private-2XL");
  }

  @Test
  void theReplicasAndAutoscalingMustBeAllowed() {
    // Performance sizes allow 10 dynos per type: 20 replicas stay on a Standard size
    assertThat(pick(Resources.ofMib(1000, 2048), List.of(), 20, false)).isEqualTo("Standard-2X");
    // an autoscaled web needs a size that autoscales
    assertThat(pick(Resources.ofMib(250, 512), List.of(), 2, true)).isEqualTo("Performance-M");
  }
}
