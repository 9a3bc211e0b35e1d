package dev.formation.platform.memory;

import dev.formation.config.PlatformKind;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformProvider;
import dev.formation.platform.Target;
import dev.formation.testing.PlatformContract;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * The platform contract, run by the memory platform's adapter as formation opens it: through the
 * provider the registry found for {@code memory}.
 */
class MemoryPlatformContractTest extends PlatformContract {
  private MemoryStore store;
  private Platform platform;

  @BeforeEach
  void open() throws Exception {
    String name = "contract-" + UUID.randomUUID();
    store = MemoryStore.named(name);
    PlatformProvider provider = (PlatformProvider) PlatformKind.named("memory");
    platform =
        provider.open(
            new PlatformContext(
                Map.of(MemoryProvider.STORE, name),
                Path.of("."),
                "test",
                null,
                false,
                null,
                s -> {}));
  }

  @Override
  protected Platform platform() {
    return platform;
  }

  @Override
  protected Target target(String app) {
    return Target.named(app, PlatformKind.named("memory"));
  }

  @Override
  protected void seedApp(String name, Map<String, Seed> processes) {
    Map<String, String> sizes = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    processes.forEach(
        (type, seed) -> {
          sizes.put(
              type,
              dev.formation.catalog.Catalog.standard().find(seed.size()).orElseThrow().name());
          counts.put(type, seed.quantity());
        });
    store.seed(name, sizes, counts);
  }
}
