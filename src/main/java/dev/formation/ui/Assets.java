package dev.formation.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The page's files, all from the jar: formation's own under {@code dev/formation/ui/}, uPlot's from
 * its webjar. Nothing is fetched from anywhere else, so the page works offline.
 */
final class Assets {
  static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

  /** A file of the page. */
  record Asset(String contentType, byte[] bytes) {}

  private static final Map<String, String[]> FILES =
      Map.of(
          "/static/app.js", new String[] {"dev/formation/ui/app.js", "text/javascript"},
          "/static/charts.js", new String[] {"dev/formation/ui/charts.js", "text/javascript"},
          "/static/local.js", new String[] {"dev/formation/ui/local.js", "text/javascript"},
          "/static/app.css", new String[] {"dev/formation/ui/app.css", "text/css"},
          "/static/uplot.js", new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript"},
          "/static/uplot.css", new String[] {UPLOT + "uPlot.min.css", "text/css"});

  private Assets() {}

  /** The file served at {@code path}, or {@code null}. */
  static Asset find(String path) {
    String[] file = FILES.get(path);
    return file == null ? null : new Asset(file[1] + "; charset=utf-8", read(file[0]));
  }

  /** The page, carrying the CSRF value its script sends with each change. */
  static byte[] page(String csrf) {
    String html = new String(read("dev/formation/ui/index.html"), StandardCharsets.UTF_8);
    return html.replace("{{csrf}}", csrf).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
