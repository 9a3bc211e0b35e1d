package dev.formation.platform.local.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who holds a port: a bind that fails, then the listening socket's owner in {@code /proc}. */
class PortHoldersTest {
  @TempDir Path proc;

  @Test
  void aPortThisJvmListensOn_isTaken_andItsHolderIsThisProcess() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux /proc");
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = s.getLocalPort();

      assertThat(PortHolders.taken(port)).isTrue();
      Optional<PortHolders.Holder> holder = PortHolders.holder(port);
      assertThat(holder).map(PortHolders.Holder::pid).contains(ProcessHandle.current().pid());
      assertThat(holder.get().command()).isEqualTo("java");
      assertThat(PortHolders.describe(holder))
          .startsWith("another program (pid " + ProcessHandle.current().pid() + ": ");
    }
  }

  @Test
  void aFreePort_isNotTaken_andHasNoHolder() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThat(PortHolders.taken(port)).isFalse();
    assertThat(PortHolders.holder(port)).isEmpty();
  }

  @Test
  void aListenerWhoseProcessCannotBeSeen_isAnotherProgram() throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(
        proc.resolve("net/tcp"),
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout"
            + " inode\n"
            + "   0: 0100007F:1388 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000"
            + "        0 424242 1 0000000000000000 100 0 0 10 0\n");
    // a process whose descriptors cannot be read: another user's
    Files.createDirectories(proc.resolve("4242"));

    Optional<PortHolders.Holder> holder = PortHolders.holder(proc, 5000);

    assertThat(holder).isEmpty();
    assertThat(PortHolders.describe(holder)).isEqualTo("another program");
  }

  @Test
  void theHolder_isTheProcessWithTheListeningSocketsInode_withItsCommandLine() throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(
        proc.resolve("net/tcp6"),
        "  sl  local_address                         remote_address                        st"
            + " tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0000000000000000FFFF00000100007F:1388 00000000000000000000000000000000:0000 0A"
            + " 00000000:00000000 00:00000000 00000000  1000        0 777 1 0 100 0 0 10 0\n"
            + "   1: 0000000000000000FFFF00000100007F:1389 00000000000000000000000000000000:0000 01"
            + " 00000000:00000000 00:00000000 00000000  1000        0 778 1 0 100 0 0 10 0\n");
    Files.createDirectories(proc.resolve("17/fd"));
    Files.createSymbolicLink(proc.resolve("17/fd/3"), Path.of("socket:[778]"));
    Files.createDirectories(proc.resolve("31/fd"));
    Files.createSymbolicLink(proc.resolve("31/fd/0"), Path.of("/dev/null"));
    Files.createSymbolicLink(proc.resolve("31/fd/5"), Path.of("socket:[777]"));
    Files.write(
        proc.resolve("31/cmdline"),
        "/usr/bin/python3\0-m\0http.server\0--token=s3cret\0".getBytes());

    // the program's name only: its arguments may hold a secret
    assertThat(PortHolders.holder(proc, 5000)).contains(new PortHolders.Holder(31, "python3"));
    assertThat(PortHolders.holder(proc, 5001)).as("not listening: a connection").isEmpty();
  }
}
