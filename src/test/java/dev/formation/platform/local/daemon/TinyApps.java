package dev.formation.platform.local.daemon;

/** Small programs the tests run as dynos. */
final class TinyApps {
  /**
   * A web server on $PORT answering {@code DYNO request-id request-start}, after sleeping the
   * milliseconds written in the file {@code delay} (if any), so tests can make it slow. While a
   * file {@code hold} exists it holds each request, after creating the file {@code held}: a test
   * then knows the request is in flight and lets it go by deleting {@code hold}.
   */
  static final String SERVER_PY =
      String.join(
          "\n",
          "import os, time",
          "from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer",
          "class H(BaseHTTPRequestHandler):",
          "    def do_GET(self):",
          "        if os.path.exists('hold'):",
          "            open('held', 'w').close()",
          "            while os.path.exists('hold'):",
          "                time.sleep(0.005)",
          "        try:",
          "            time.sleep(int(open('delay').read().strip() or '0') / 1000.0)",
          "        except OSError:",
          "            pass",
          "        body = ('%s %s %s' % (os.environ['DYNO'], self.headers.get('X-Request-Id'),",
          "                              self.headers.get('X-Request-Start'))).encode()",
          "        self.send_response(200)",
          "        self.send_header('Content-Length', str(len(body)))",
          "        self.end_headers()",
          "        self.wfile.write(body)",
          "    def log_message(self, *args):",
          "        pass",
          "ThreadingHTTPServer(('127.0.0.1', int(os.environ['PORT'])), H).serve_forever()",
          "");

  static final String TICKER = "sh -c 'while true; do echo tick; sleep 1; done'";

  private TinyApps() {}

  /** The web test dynos are small Python servers; without python3 those tests cannot run. */
  static void requirePython() {
    boolean found =
        java.util.Arrays.stream(System.getenv("PATH").split(":"))
            .anyMatch(d -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(d, "python3")));
    org.junit.jupiter.api.Assumptions.assumeTrue(found, "python3 is not on the PATH");
  }
}
