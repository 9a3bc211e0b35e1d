package dev.formation.platform.heroku;

import dev.formation.platform.Platform;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.PlatformContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The platform contract, run by the Heroku adapter against {@link FakeHeroku}. */
class HerokuPlatformContractTest extends PlatformContract {
  @TempDir Path home;
  FakeHeroku fake;
  HerokuPlatform platform;

  @BeforeEach
  void start() throws Exception {
    fake = FakeHeroku.start();
    platform = new HerokuTestSupport(fake, home).platform;
  }

  @AfterEach
  void stop() {
    platform.close();
    fake.close();
  }

  @Override
  protected Platform platform() {
    return platform;
  }

  @Override
  protected void seedApp(String name, Map<String, Seed> processes) {
    FakeApp app = fake.addApp(name, "cedar");
    processes.forEach((type, seed) -> app.process(type, seed.size(), seed.quantity()));
  }
}
