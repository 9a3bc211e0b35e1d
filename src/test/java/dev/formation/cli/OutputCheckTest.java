package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command's exit code stands only when its output was written. */
class OutputCheckTest {
  private final StringWriter err = new StringWriter();

  private CommandLine commandLine(OutputStream stdout) {
    CommandLine cl = Main.commandLine();
    cl.setOut(Main.writer(stdout, false, false));
    cl.setErr(Main.writer(err, false, false));
    return cl;
  }

  @Test
  void outputThatFailed_turnsSuccessIntoFM145_withTheStreamsReason() {
    RecordingOutputStream stdout =
        new RecordingOutputStream(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("No space left on device");
              }
            });
    CommandLine cl = commandLine(stdout);
    cl.getOut().println("a plan nobody will see");

    int code = OutputCheck.exitCode(cl, ExitCode.OK, stdout::failure, false);

    assertThat(code).isEqualTo(ExitCode.ERROR);
    assertThat(stdout.failure()).isEqualTo("No space left on device");
    assertThat(err.toString())
        .startsWith(
            "error[FM145]: the output could not be written (No space left on device);"
                + " what the command printed is incomplete or missing")
        .contains("hint: check where standard output goes");
  }

  @Test
  void outputThatWasWritten_keepsTheCommandsOwnCode() {
    RecordingOutputStream stdout = new RecordingOutputStream(OutputStream.nullOutputStream());
    CommandLine cl = commandLine(stdout);
    cl.getOut().println("changes present");

    assertThat(OutputCheck.exitCode(cl, ExitCode.CHANGES, stdout::failure, false))
        .isEqualTo(ExitCode.CHANGES);
    assertThat(stdout.failure()).isNull();
    assertThat(err.toString()).isEmpty();
  }
}
