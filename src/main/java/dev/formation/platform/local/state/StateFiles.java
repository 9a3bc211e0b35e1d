package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * How the local platform writes its state: folders 0700 and files 0600 (logs name the user's
 * commands and what they print), each file written whole or not at all, and a file that cannot be
 * read set aside as {@code NAME.corrupt-TIME} so the rest can start.
 */
public final class StateFiles {
  private static final boolean POSIX =
      java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private StateFiles() {}

  /** Creates {@code dir} and its missing parents, each new one 0700; makes {@code dir} 0700. */
  public static Path ensureDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        ensureDir(parent);
      }
      try {
        Files.createDirectory(dir, attributes("rwx------"));
      } catch (FileAlreadyExistsException raced) {
        // made at the same moment by another thread or process
      }
    }
    restrict(dir, "rwx------");
    return dir;
  }

  /** Writes a file (0600) so that a reader, or a crash, never sees half of it. */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    ensureDir(file.getParent());
    Path tmp =
        Files.createTempFile(
            file.getParent(), "." + file.getFileName(), ".tmp", attributes("rw-------"));
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Makes sure {@code file} exists, mode 0600, in a 0700 folder. */
  public static Path touchPrivate(Path file) throws IOException {
    ensureDir(file.getParent());
    if (!Files.exists(file)) {
      try {
        Files.createFile(file, attributes("rw-------"));
      } catch (FileAlreadyExistsException raced) {
        // fine: made by someone else just now
      }
    }
    restrict(file, "rw-------");
    return file;
  }

  /**
   * Makes an existing file 0600, or a folder 0700, if it is looser (a symbolic link is left alone).
   */
  public static void tighten(Path p) throws IOException {
    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      restrict(p, "rwx------");
    } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      restrict(p, "rw-------");
    }
  }

  /**
   * Tightens {@code dir} and everything under it, as {@link #tighten}: files of an older version,
   * or made looser by hand, are owner-only again. Symbolic links are not followed.
   */
  public static void tightenTree(Path dir) throws IOException {
    if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (java.util.stream.Stream<Path> all = Files.walk(dir, 4)) {
      for (Path p : all.toList()) {
        try {
          tighten(p);
        } catch (java.nio.file.NoSuchFileException gone) {
          // removed since the walk saw it
        }
      }
    }
  }

  /** Opens (creating 0600) a file to append to. */
  public static java.nio.channels.FileChannel append(Path file) throws IOException {
    touchPrivate(file);
    return java.nio.channels.FileChannel.open(
        file, java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND);
  }

  /**
   * Moves an unreadable file out of the way as {@code NAME.corrupt-20261128T110000Z}, so it is kept
   * for a look but no longer read. Returns where it went.
   */
  public static Path setAside(Path file, Instant now) throws IOException {
    Path target = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(now));
    for (int i = 1; Files.exists(target); i++) {
      target = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(now) + "-" + i);
    }
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  private static void restrict(Path p, String perms) throws IOException {
    if (POSIX && !Files.isSymbolicLink(p)) {
      Set<PosixFilePermission> want = PosixFilePermissions.fromString(perms);
      if (!Files.getPosixFilePermissions(p).equals(want)) {
        Files.setPosixFilePermissions(p, want);
      }
    }
  }

  private static FileAttribute<?>[] attributes(String perms) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))
        }
        : new FileAttribute<?>[0];
  }
}
