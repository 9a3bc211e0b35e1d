package dev.formation.bench;

import dev.formation.testing.FakeHeroku;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The bench's fake Heroku API, kept running for measurements by hand: seeds {@code APPS} apps as
 * the plan rows of {@link BenchRun} do, writes their {@code formation.yaml} into {@code DIR},
 * prints the environment a CLI run needs and serves until killed.
 *
 * <p>Usage: {@code FakeServe APPS DIR [LATENCY_MS=25]}
 */
public final class FakeServe {
  private FakeServe() {}

  public static void main(String[] args) throws Exception {
    int apps = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    Files.createDirectories(dir);
    FakeHeroku heroku = BenchRun.seeded(apps, dir);
    if (args.length > 2) {
      heroku.latency(Duration.ofMillis(Integer.parseInt(args[2])));
    }
    heroku.env().forEach((k, v) -> System.out.println("export " + k + "=" + v));
    System.out.flush();
    Thread.currentThread().join();
  }
}
