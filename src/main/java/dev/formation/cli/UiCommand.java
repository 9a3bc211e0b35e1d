package dev.formation.cli;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.ops.Host;
import dev.formation.ui.UiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code formation ui}: the formation in a browser, shaped into a reviewed change (docs/ui.md). */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a page on 127.0.0.1 that shows every app of the files (declared, live, drift, cost),"
          + " each scheduled app's week, and the local platform's apps live; its controls edit"
          + " the file as `formation scale` does and show the plan and the diff. It never writes to"
          + " a platform: apply the change with `formation apply`.",
      "Prints one line, the URL with its token, and runs until Ctrl-C (docs/ui.md)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "1:the server could not start (the port is taken)",
      "130:stopped by Ctrl-C, the usual way to end it"
    })
public final class UiCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Mixin private PlatformOptions platform;

  private int port;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Listen on this port of 127.0.0.1 (default: a free one).")
  void port(int n) {
    if (n < 1 || n > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535");
    }
    port = n;
  }

  @Override
  public Integer call() {
    Host host = Output.host(spec);
    UiServer.Options options =
        new UiServer.Options(
            config.source(null), host, platform.settings(), VersionProvider.version());
    UiServer server;
    try {
      server = UiServer.start(options, port);
    } catch (IOException e) {
      Output.diagnostics(
          spec,
          new Diagnostics()
              .error(
                  Code.FM191,
                  "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(),
                  null,
                  "leave out --port for a free port, or name another one"),
          null);
      return ExitCode.ERROR;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("formation ui: " + server.url());
    out.flush();
    Interrupts.Caught caught = Interrupts.whileServing(spec);
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      caught.close();
      server.close();
    }
    return ExitCode.INTERRUPTED;
  }
}
