package dev.formation.live;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a local app is registered with the local platform: the folder its Procfile is read from,
 * its router port, and the Procfile's process types with their commands, in file order. The same
 * record says where a config wants it registered, so the two compare field by field.
 *
 * <p>A saved plan keeps no command text (it holds no secret); it keeps each command {@link #sealed
 * sealed} to its digest, and {@link #sameCommands} compares either form.
 *
 * @param dir an absolute, normalised path
 * @param commands process type → command (or its sealed digest), in Procfile order
 */
public record LocalRegistration(Path dir, int port, Map<String, String> commands) {
  private static final String SEALED = "sha256:";

  public LocalRegistration {
    if (dir == null || !dir.isAbsolute()) {
      throw new IllegalArgumentException("a local app's folder is an absolute path: " + dir);
    }
    dir = dir.normalize();
    commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
  }

  /** The same registration with every command replaced by its digest. */
  public LocalRegistration sealed() {
    Map<String, String> sealed = new LinkedHashMap<>();
    commands.forEach((type, command) -> sealed.put(type, sealed(command)));
    return new LocalRegistration(dir, port, sealed);
  }

  /** Whether both declare the same types with the same commands, plain or sealed. */
  public boolean sameCommands(Map<String, String> other) {
    if (!commands.keySet().equals(other.keySet())) {
      return false;
    }
    return commands.entrySet().stream()
        .allMatch(e -> sealed(e.getValue()).equals(sealed(other.get(e.getKey()))));
  }

  /** A command's digest, {@code sha256:} and 16 hex digits; a digest is returned as it is. */
  public static String sealed(String command) {
    if (command == null || command.startsWith(SEALED)) {
      return command;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(command.getBytes(StandardCharsets.UTF_8));
      return SEALED + HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
