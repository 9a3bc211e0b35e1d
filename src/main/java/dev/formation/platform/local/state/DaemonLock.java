package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One daemon per state folder: two would fight over the same dynos and files. */
public final class DaemonLock implements AutoCloseable {
  /**
   * The lock files this JVM holds. POSIX record locks belong to the process, and closing any file
   * descriptor of the file drops them: so this JVM never opens a lock file it holds (a test runs a
   * daemon and its clients in one JVM).
   */
  private static final java.util.Set<Path> HELD =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final FileChannel channel;
  private final FileLock lock;
  private final Path file;

  private DaemonLock(FileChannel channel, FileLock lock, Path file) {
    this.channel = channel;
    this.lock = lock;
    this.file = file;
  }

  private static Path fileOf(Path stateDir) {
    return stateDir.resolve("daemon.lock").toAbsolutePath().normalize();
  }

  /**
   * Takes the lock of {@code stateDir} and writes this process's pid into the lock file, so that a
   * client finds the daemon even when {@code daemon.json} is lost or corrupt.
   */
  public static DaemonLock acquire(Path stateDir) throws IOException {
    StateFiles.ensureDir(stateDir);
    Path file = fileOf(stateDir);
    if (HELD.contains(file)) {
      throw new IOException("another local platform daemon is already running over " + stateDir);
    }
    FileChannel ch = FileChannel.open(StateFiles.touchPrivate(file), StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new IOException("another local platform daemon is already running over " + stateDir);
    }
    ch.truncate(0);
    ch.write(
        java.nio.ByteBuffer.wrap(
            (ProcessHandle.current().pid() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        0);
    HELD.add(file);
    return new DaemonLock(ch, lock, file);
  }

  /** The pid the lock's holder wrote, while a daemon holds the lock. */
  public static java.util.OptionalLong holder(Path stateDir) {
    if (HELD.contains(fileOf(stateDir))) {
      return java.util.OptionalLong.of(ProcessHandle.current().pid());
    }
    if (!held(stateDir)) {
      return java.util.OptionalLong.empty();
    }
    try {
      return java.util.OptionalLong.of(
          Long.parseLong(Files.readString(stateDir.resolve("daemon.lock")).strip()));
    } catch (IOException | NumberFormatException e) {
      return java.util.OptionalLong.empty();
    }
  }

  /** Whether a daemon (perhaps one still starting) holds the lock of {@code stateDir}. */
  public static boolean held(Path stateDir) {
    Path file = fileOf(stateDir);
    if (HELD.contains(file)) {
      return true;
    }
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock probe = ch.tryLock();
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    HELD.remove(file);
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
