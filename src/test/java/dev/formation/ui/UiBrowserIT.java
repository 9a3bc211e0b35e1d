package dev.formation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * formation ui in Debian's Chromium, one browser for every test: against the Heroku fake and a real
 * local platform (its daemon in a temporary FORMATION_HOME, one web dyno of the quickstart's
 * Web.java), the page reads the overview, a quantity moved from the keyboard edits the file and
 * shows the plan, each chart draws, and the server refuses what it must.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class UiBrowserIT {
  static final String LOCAL =
      """
      version: 1
      apps:
        shop-local:
          platform: local
          local: {dir: ./app, port: %d}
          processes:
            web:
              size: standard-1x
              quantity: 1
      """;

  @TempDir static Path dir;
  static FakeHeroku fake;
  static Map<String, String> env;
  static int routerPort;
  static UiServer server;
  static ChromeDriver browser;
  static Path heroku;

  @BeforeAll
  static void start() throws Exception {
    Browser.required();
    fake = UiFixture.heroku();
    heroku = UiFixture.write(dir, "heroku.yaml", UiFixture.FILE);
    routerPort = Ports.free();
    UiFixture.write(dir, "local.yaml", LOCAL.formatted(routerPort));
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.copy(Path.of("examples/quickstart/app/Web.java"), app.resolve("Web.java"));
    Files.writeString(app.resolve("Procfile"), "web: java Web.java\n");
    env = new HashMap<>(System.getenv());
    env.remove("FORMATION_LOCAL_PORT");
    env.putAll(fake.env());
    env.put("FORMATION_HOME", dir.resolve("fh").toString());
    env.put("FORMATION_LOCAL_GRACE", "2");
    CliRunner.Result applied = cli("apply", "--auto-approve", "-f", "local.yaml");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    server =
        UiServer.start(
            UiFixture.options(dir, List.of(Path.of("heroku.yaml"), Path.of("local.yaml")), env), 0);
    browser = Browser.start(Files.createDirectories(dir.resolve("chromium")));
    browser.get(server.url());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (env != null) {
      cli("local", "stop");
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  @Order(1)
  void theOverview_showsEveryAppWithItsDriftAndCost() {
    assertThat(browser.getCurrentUrl()).doesNotContain("token");
    WebElement shop = waitFor(By.cssSelector("article[data-app=shop-ui]"));
    eventually(() -> shop.getText().contains("live $150/mo"), "the shop's live cost");
    assertThat(shop.getText()).contains("heroku", "declared $125/mo", "Standard-1X ×3");
    WebElement web = shop.findElement(By.cssSelector("tr[data-key='shop-ui--web']"));
    assertThat(web.findElement(By.cssSelector("td[data-label=drift]")).getText())
        .startsWith("unexpected");
    WebElement local = waitFor(By.cssSelector("#apps article[data-app=shop-local]"));
    assertThat(local.getText()).contains("local");
  }

  @Test
  @Order(2)
  void aQuantityMovedByKeyboard_editsTheFile_andShowsThePlan() throws Exception {
    assertThat(control("quantity of web in shop-ui").getAttribute("value")).isEqualTo("2");
    press("quantity of web in shop-ui", Keys.ARROW_DOWN);
    String edited = UiFixture.FILE.replace("quantity: 2    #", "quantity: 1    #");
    eventually(() -> read(heroku).equals(edited), "heroku.yaml with web's quantity 1");
    WebElement change = waitFor(By.id("change"));
    eventually(() -> change.isDisplayed(), "the change section");
    assertThat(browser.findElement(By.id("change-plan")).getText())
        .contains("~ web 3 → 1")
        .contains("Plan: 0 to add, 1 to change, 0 to remove.");
    assertThat(browser.findElement(By.id("change-cost")).getText())
        .isEqualTo("Monthly cost $175 → $125 (-$50)");
    assertThat(browser.findElement(By.id("change-diff")).getText())
        .contains("+        quantity: 1    # the shop's front");
    assertThat(browser.findElement(By.id("change-next")).getText())
        .isEqualTo("formation apply -f heroku.yaml");
    browser.findElement(By.id("undo")).sendKeys(Keys.ENTER);
    eventually(() -> read(heroku).equals(UiFixture.FILE), "heroku.yaml as it was");
  }

  @Test
  @Order(3)
  void aRefusedEdit_isShownNextToItsControl() throws Exception {
    press("quantity of clock in shop-ui", Keys.ARROW_UP);
    eventually(
        () -> browser.findElement(By.id("r-shop-ui--clock")).getText().contains("FM170"),
        "the shared anchor's refusal");
    assertThat(read(heroku)).isEqualTo(UiFixture.FILE);
    // a field emptied to type a new count in edits nothing while it is empty
    eventually(
        () -> {
          control("quantity of web in shop-ui")
              .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
          return true;
        },
        "the web field emptied");
    Thread.sleep(1500);
    assertThat(control("quantity of web in shop-ui").getAttribute("value")).isEmpty();
    assertThat(read(heroku)).isEqualTo(UiFixture.FILE);
  }

  @Test
  @Order(4)
  void aFileChangedOnDisk_showsWithoutAReload() throws Exception {
    Files.writeString(heroku, UiFixture.FILE.replace("quantity: 2    #", "quantity: 4    #"));
    WebElement web = waitFor(By.cssSelector("tr[data-key='shop-ui--web'] td[data-label=declared]"));
    eventually(
        () ->
            browser
                .findElement(By.cssSelector("tr[data-key='shop-ui--web'] td[data-label=declared]"))
                .getText()
                .equals("Standard-1X ×4"),
        "web's new count, " + web.getText() + " before");
    assertThat(control("quantity of web in shop-ui").getAttribute("value")).isEqualTo("4");
    Files.writeString(heroku, UiFixture.FILE);
    eventually(() -> control("quantity of web in shop-ui").getAttribute("value").equals("2"), "2");
  }

  @Test
  @Order(5)
  void theWeekAndTheLocalCharts_draw() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 20; i++) {
      eventually(() -> routed(http), "the local router answering");
    }
    WebElement week = waitFor(By.cssSelector("#week-list article[data-app=shop-ui] .week-chart"));
    assertDrawn(week, "week-shop-ui", 4);
    WebElement dynos = waitFor(By.cssSelector("#local-list article[data-app=shop-local] .dynos"));
    eventually(() -> dynos.getText().matches("(?s).*web\\.1 up \\d+ .*"), "web.1 up with a pid");
    // the daemon's own minutes: the twenty requests, on charts that span the hour from the start
    eventually(() -> total("rate-shop-local") >= 20, "the twenty requests in the daemon's minutes");
    assertDrawn(
        browser.findElement(By.cssSelector("[data-app=shop-local] .p95")), "p95-shop-local", 2, 1);
    assertDrawn(
        browser.findElement(By.cssSelector("[data-app=shop-local] .rate")),
        "rate-shop-local",
        2,
        1);
    assertThat(span("p95-shop-local")).as("the p95 chart's minutes").isEqualTo(59 * 60);
    assertThat(browser.findElement(By.cssSelector("[data-app=shop-local] .router")).getText())
        .containsPattern("last hour: (2\\d|[3-9]\\d|\\d{3,}) requests, 0 5xx");
    eventually(() -> browser.findElement(By.id("logs")).getText().contains("shop-local |"), "logs");
  }

  @Test
  @Order(6)
  void aSizeChosenByKeyboard_editsTheFile_andTheWholePageIsCaptured() throws Exception {
    press("size of worker in shop-ui", Keys.ARROW_DOWN);
    String edited =
        UiFixture.FILE.replace(
            "    worker:\n        size: standard-1x", "    worker:\n        size: standard-2x");
    eventually(() -> read(heroku).equals(edited), "heroku.yaml with the worker on standard-2x");
    eventually(
        () -> browser.findElement(By.id("change-plan")).getText().contains("Standard-2X"),
        "the plan of the new size");
    screenshot();
    browser.findElement(By.id("undo")).sendKeys(Keys.ENTER);
    eventually(() -> read(heroku).equals(UiFixture.FILE), "heroku.yaml as it was");
  }

  @Test
  @Order(7)
  void theServer_refusesNoToken_aForeignHost_andAChangeWithoutCsrf() throws Exception {
    int port = server.port();
    assertThat(RawHttp.send(port, "GET", "/", Map.of(), null).status()).isEqualTo(401);
    String cookie = "formation_ui=" + server.url().split("token=")[1];
    assertThat(
            RawHttp.send(port, "GET", "/", Map.of("Host", "rebind.example", "Cookie", cookie), null)
                .status())
        .isEqualTo(403);
    String body = "{\"app\":\"shop-ui\",\"type\":\"web\",\"quantity\":7}";
    assertThat(RawHttp.send(port, "POST", "/api/scale", Map.of("Cookie", cookie), body).status())
        .isEqualTo(403);
    assertThat(read(heroku)).isEqualTo(UiFixture.FILE);
  }

  @Test
  @Order(8)
  void theDarkMode_andANarrowWindow_keepThePageReadable() throws Exception {
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    Object background =
        browser.executeScript("return getComputedStyle(document.body).backgroundColor;");
    assertThat(background).isEqualTo("rgb(13, 17, 23)");
    browser.manage().window().setSize(new Dimension(420, 1200));
    eventually(
        () ->
            browser
                .findElement(By.cssSelector("table.processes thead"))
                .getCssValue("display")
                .equals("none"),
        "the process tables folded into one column");
    Object overflow =
        browser.executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    Object wide =
        browser.executeScript(
            "const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('*'))"
                + ".filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 12)"
                + ".map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ');");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow: " + wide)
        .isLessThanOrEqualTo(0);
    assertThat(control("quantity of web in shop-ui").isDisplayed()).isTrue();
    Files.write(Path.of("target/ui-narrow-dark.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @Order(9)
  void theConsole_reportsNoErrorAndNoPolicyViolation() {
    List<String> severe =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::getMessage)
            .toList();
    assertThat(severe).isEmpty();
  }

  private static WebElement control(String label) {
    WebElement l = waitFor(By.xpath("//label[normalize-space()='" + label + "']"));
    return browser.findElement(By.id(l.getAttribute("for")));
  }

  /** Sends a key to the control labelled {@code label}, found again if the page redrew it. */
  private static void press(String label, Keys key) {
    eventually(
        () -> {
          control(label).sendKeys(key);
          return true;
        },
        "the control labelled " + label);
  }

  private static void assertDrawn(WebElement chart, String id, int series) {
    assertDrawn(chart, id, series, 2);
  }

  private static void assertDrawn(WebElement chart, String id, int series, int points) {
    Object size =
        browser.executeScript(
            "const c = arguments[0].querySelector('canvas');"
                + " if (!c || !c.width || !c.height) return 0;"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++; return n;",
            chart);
    assertThat(((Number) size).longValue()).as(id + " painted pixels").isGreaterThan(1000);
    Object count =
        browser.executeScript(
            "return window.FormationCharts.plots.get(arguments[0]).plot.series.length - 1;", id);
    assertThat(((Number) count).intValue()).as(id + " series").isGreaterThanOrEqualTo(series - 1);
    assertThat(points(id)).as(id + " points").isGreaterThanOrEqualTo(points);
  }

  /** The sum of a chart's values. */
  private static long total(String id) {
    return ((Number) chartScript(id, "p.plot.data[1].reduce((a, v) => a + (v || 0), 0)"))
        .longValue();
  }

  /** The seconds from a chart's first x to its last. */
  private static long span(String id) {
    return ((Number)
            chartScript(id, "p.plot.data[0][p.plot.data[0].length - 1] - p.plot.data[0][0]"))
        .longValue();
  }

  private static Object chartScript(String id, String expression) {
    return browser.executeScript(
        "const p = window.FormationCharts.plots.get(arguments[0]); return p ? "
            + expression
            + " : 0;",
        id);
  }

  private static long points(String id) {
    Object n =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const p = window.FormationCharts.plots.get(arguments[0]);"
                    + " return p ? p.plot.data[1].filter(v => v !== null && v !== undefined).length"
                    + " : 0;",
                id);
    return ((Number) n).longValue();
  }

  private static boolean routed(HttpClient http) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + "/"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (Exception notYet) {
      return false;
    }
  }

  private static void screenshot() throws Exception {
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Path to =
        Boolean.getBoolean("formation.golden.update")
            ? Path.of("docs/ui.png")
            : Path.of("target/ui.png");
    Files.write(to, png);
  }

  private static WebElement waitFor(By by) {
    eventually(() -> !browser.findElements(by).isEmpty(), by.toString());
    return browser.findElement(by);
  }

  private static void eventually(BooleanSupplier check, String what) {
    long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < end) {
      try {
        if (check.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException stale) {
        // the page was drawn again under the check: ask again
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CliRunner.Result cli(String... args) {
    return CliRunner.in(dir, env, Environment.Terminal.NONE).exec(args);
  }
}
