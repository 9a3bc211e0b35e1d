package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.http.Fatal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An {@link OutOfMemoryError} ends a JVM run with the daemon's flags ({@link
 * DaemonLauncher#DAEMON_JVM}), whether the JVM throws it (a heap exhausted) or a thread dies of one
 * the JVM flag does not see ({@link Fatal}): never a process that lives on without its threads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutOfMemoryExitTest {

  /**
   * What the child JVM runs: {@code heap} fills the heap (no handler: the JVM flag alone), {@code
   * thread} dies of an error under {@link Fatal}.
   */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      if (args[0].equals("heap")) {
        // no handler: the JVM flag alone
        List<long[]> hog = new ArrayList<>();
        Thread t =
            new Thread(
                () -> {
                  while (true) {
                    hog.add(new long[1 << 20]);
                  }
                },
                "hog");
        t.setDaemon(true);
        t.start();
      } else {
        Fatal.install();
        Thread t =
            new Thread(
                () -> {
                  // as Netty's direct memory runs out: an error the JVM flag does not see
                  throw new OutOfMemoryError("Direct buffer memory (probe)");
                },
                "event-loop-probe");
        t.setDaemon(true);
        t.start();
      }
      Thread.sleep(20_000);
      System.out.println("still alive");
    }
  }

  @Test
  void anExhaustedHeap_endsTheProcess() throws Exception {
    Result r = run("heap");
    assertThat(r.exit).isEqualTo(3);
    assertThat(r.output)
        .contains("Terminating due to java.lang.OutOfMemoryError: Java heap space")
        .doesNotContain("still alive");
  }

  @Test
  void aThreadDyingOfAnOutOfMemoryError_endsTheProcess_sayingWhy() throws Exception {
    Result r = run("thread");
    assertThat(r.exit).isEqualTo(Fatal.OUT_OF_MEMORY);
    assertThat(r.output)
        .contains("local platform: out of memory (Direct buffer memory (probe)); the daemon exits")
        .doesNotContain("still alive");
  }

  private record Result(int exit, String output) {}

  private static Result run(String mode) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(DaemonLauncher.DAEMON_JVM);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), mode));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the probe ended").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.exitValue(), out);
  }
}
