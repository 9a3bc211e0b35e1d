package dev.formation.ui;

import dev.formation.ops.ConfigSource;
import dev.formation.ops.Host;
import dev.formation.ops.Listener;
import dev.formation.ops.Settings;
import dev.formation.testing.FakeHeroku;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A Heroku fake with one app whose file drifts, shared by the ui's tests. */
final class UiFixture {
  static final String APP = "shop-ui";

  /** Comments, an anchor, a schedule: what an edit must leave as it is. */
  static final String FILE =
      """
      # the shop, as reviewed
      version: 1
      x-defaults:
        one: &one 1        # clock and mailer share it
      apps:
        shop-ui:
          timezone: Europe/Berlin
          processes:
            web:
              size: standard-1x
              quantity: 2    # the shop's front
            worker:
              size: standard-1x
              quantity: 1
              schedule:
                - name: nightly
                  days: daily
                  from: "01:00"
                  to: "04:00"
                  quantity: 3
            clock: {size: standard-1x, quantity: *one}
            mailer: {size: standard-1x, quantity: *one}
      """;

  private UiFixture() {}

  /** The fake's app: web runs 3 where the file says 2 (unexpected drift). */
  static FakeHeroku heroku() {
    FakeHeroku fake = FakeHeroku.start(8);
    fake.addApp(APP, "cedar")
        .process("web", "Standard-1X", 3)
        .process("worker", "Standard-1X", 1)
        .process("clock", "Standard-1X", 1)
        .process("mailer", "Standard-1X", 1);
    return fake;
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** Options that read the fake (and the local platform of {@code home}) once a second. */
  static UiServer.Options options(Path dir, List<Path> files, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("FORMATION_HOME", dir.resolve("fh").toString());
    return new UiServer.Options(
        ConfigSource.onDisk(files, dir),
        new Host(all, dir, Listener.NONE),
        Settings.DEFAULT,
        "test",
        Clock.systemUTC(),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1));
  }
}
