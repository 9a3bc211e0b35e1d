package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DaemonFlagsTest {
  @Test
  void theDaemonRunsWithItsOwnFlags_whenTheCommandWasGivenNoTransport() {
    assertThat(DaemonLauncher.jvmFlags(null)).isEqualTo(DaemonLauncher.DAEMON_JVM);
  }

  @Test
  void aTransportGivenToTheCommand_reachesTheDaemon() {
    assertThat(DaemonLauncher.jvmFlags("epoll"))
        .startsWith(DaemonLauncher.DAEMON_JVM.toArray(String[]::new))
        .endsWith("-Dformation.engine.transport=epoll");
  }

  @Test
  void aTransportThatIsNotAPlainName_isLeftOut() {
    for (String hostile : new String[] {"", "epoll -Xmx1g", "nio\n", "IO_URING", "a".repeat(17)}) {
      assertThat(DaemonLauncher.jvmFlags(hostile)).isEqualTo(DaemonLauncher.DAEMON_JVM);
    }
  }
}
