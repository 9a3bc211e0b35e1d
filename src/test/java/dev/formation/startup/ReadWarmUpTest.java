package dev.formation.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReadWarmUpTest {
  /** Far above the 1 s of a real run: a busy test machine must not make these fail. */
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @Test
  void readsAnAppAndItsMonitor_throughTheWholeAdapter() {
    // the monitor is asked for only after the formation list was read and mapped: a read that
    // stopped anywhere on the way would warm only part of the path
    assertThat(ReadWarmUp.run(LIMIT)).isTrue();
  }

  @Test
  void leavesNoThreadBehind() throws InterruptedException {
    ReadWarmUp.run(LIMIT); // the first run of the class may start threads that live on (the JDK's)
    Set<String> before = threadNames();
    for (int i = 0; i < 3; i++) {
      assertThat(ReadWarmUp.run(LIMIT)).isTrue();
    }
    Set<String> after = threadNames();
    for (int i = 0; i < 50 && !before.containsAll(after); i++) {
      Thread.sleep(20); // an answering thread that has written its last byte is ending
      after = threadNames();
    }
    after.removeAll(before);
    assertThat(after).as("threads the warm-ups left running").isEmpty();
  }

  private static Set<String> threadNames() {
    Set<String> names = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive()) {
        names.add(t.getName());
      }
    }
    return names;
  }
}
