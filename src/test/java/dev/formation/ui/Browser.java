package dev.formation.ui;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium through Debian's chromedriver, named by path so that Selenium never looks for
 * (or downloads) a driver or a browser of its own. Without them the browser tests are skipped with
 * one line, except in CI (the {@code CI} variable set), where {@code .ci/run} installs them and
 * their absence is a failure.
 */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /** Skips the test (or fails it in CI) when Chromium or its driver is missing. */
  static void required() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError(
          "CI is set but " + CHROMIUM + " or " + DRIVER + " is missing: .ci/run installs them");
    }
    Assumptions.assumeTrue(
        present,
        "browser tests skipped: no "
            + CHROMIUM
            + " and "
            + DRIVER
            + " (apt-get install chromium"
            + " chromium-driver)");
  }

  static ChromeDriver start(Path profile) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File(CHROMIUM.toString()));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,3000",
        "--user-data-dir=" + profile);
    // the console, to hold the page to its Content-Security-Policy (a violation is logged there)
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(service, options);
  }
}
