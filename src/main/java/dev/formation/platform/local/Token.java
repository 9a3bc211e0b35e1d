package dev.formation.platform.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The daemon's bearer token: random, created on first start, readable by its owner only. */
public final class Token {
  private Token() {}

  /** Reads the token file, creating it (mode 0600) when it does not exist yet. */
  public static String loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return read(file);
    }
    Files.createDirectories(file.getParent());
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    // created with 0600 from the start, so the secret is never readable by others
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return token;
  }

  /** Reads an existing token file. */
  public static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).trim();
  }
}
