package dev.formation.cli;

import dev.formation.diag.Code;
import dev.formation.platform.local.LocalClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code formation local logs}: an app's dyno, router and platform log lines. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print the logs of one local app, or of all of them.")
final class LocalLogsCommand implements Callable<Integer> {
  @ParentCommand LocalCommand parent;
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "APP",
      description = "The app (default: every app, each line prefixed with its name).")
  String app;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines until the daemon stops or Ctrl-C.")
  boolean follow;

  @Option(
      names = {"-n", "--lines"},
      defaultValue = "100",
      description = "How many of the latest lines to print first (default ${DEFAULT-VALUE}).")
  int lines;

  @Override
  public Integer call() {
    return LocalCommand.guarded(spec, "", this::print);
  }

  private int print() throws IOException, InterruptedException {
    LocalClient client = parent.client();
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = client.logFiles(app);
    if (app != null && !Files.exists(files.get(0)) && !follow) {
      return LocalCommand.error(
          spec,
          Code.FM151,
          "no logs for app " + app,
          "is it registered with the local platform? `formation local status` lists the apps");
    }
    Map<Path, Long> offsets = new HashMap<>();
    for (Path f : files) {
      if (Files.exists(f)) {
        List<String> all = Files.readAllLines(f, StandardCharsets.UTF_8);
        String prefix = prefix(f);
        all.subList(Math.max(0, all.size() - lines), all.size())
            .forEach(l -> out.println(prefix + l));
        offsets.put(f, Files.size(f));
      }
    }
    out.flush();
    boolean more = follow;
    while (more) {
      Thread.sleep(200);
      // checked before printing, so the daemon's last lines are printed after it stopped
      // (asked of the process, not the API: following for hours must not spend its budget)
      more = client.alive().isPresent();
      for (Path f : app != null ? files : client.logFiles(null)) {
        offsets.put(f, printNew(f, offsets.getOrDefault(f, 0L), prefix(f), out));
      }
      out.flush();
    }
    return ExitCode.OK;
  }

  /** With every app's logs, each line names its app: {@code quickstart: 2026-... web.1 | hi}. */
  private String prefix(Path logFile) {
    String name = logFile.getFileName().toString();
    return app != null ? "" : name.substring(0, name.length() - ".log".length()) + ": ";
  }

  /** Prints what was appended since {@code from}; a shorter file was rotated: start over. */
  private static long printNew(Path f, long from, String prefix, PrintWriter out)
      throws IOException {
    if (!Files.exists(f)) {
      return 0;
    }
    long size = Files.size(f);
    long start = size < from ? 0 : from;
    if (size == start) {
      return start;
    }
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
      r.seek(start);
      byte[] bytes = new byte[(int) Math.min(size - start, 8 << 20)];
      r.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      if (end < 0) {
        return start;
      }
      text.substring(0, end).lines().forEach(l -> out.println(prefix + l));
      return start + text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
