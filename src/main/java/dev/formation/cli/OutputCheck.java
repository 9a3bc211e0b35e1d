package dev.formation.cli;

import dev.formation.cli.render.Colors;
import dev.formation.cli.render.TextDiagnostics;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.Sources;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The last step of every command: its result counts only if it reached standard output. A plan
 * printed into a full disk, an import redirected to a file that could not be written, is a failure
 * ({@code FM145}, exit 1), never a silent success with an empty file.
 */
public final class OutputCheck {
  private OutputCheck() {}

  /**
   * The command's exit code, or {@link ExitCode#ERROR} with an {@code FM145} error on stderr when
   * anything it wrote to stdout was lost.
   *
   * @param reason why the stream failed, when known (see {@link RecordingOutputStream}), else
   *     {@code null}; asked after the last flush
   */
  public static int exitCode(CommandLine cl, int code, Supplier<String> reason, boolean colour) {
    PrintWriter out = cl.getOut();
    if (!out.checkError()) {
      return code;
    }
    String why = reason.get();
    Diagnostics lost =
        new Diagnostics()
            .error(
                Code.FM145,
                "the output could not be written"
                    + (why == null ? "" : " (" + why + ")")
                    + "; what the command printed is incomplete or missing",
                null,
                "check where standard output goes (a full disk, a closed pipe) and run the command"
                    + " again");
    PrintWriter err = cl.getErr();
    synchronized (err) {
      new TextDiagnostics(new Sources(), Colors.when(colour)).render(lost.sorted(), err);
      err.flush();
    }
    return ExitCode.ERROR;
  }
}
