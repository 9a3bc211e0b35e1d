package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The daemon's bearer token: random, created on first start, readable by its owner only. It cannot
 * be switched off: a missing, empty or blank file gets a new token, and a token shorter than {@link
 * #MIN_LENGTH} characters stops the daemon from starting.
 */
public final class Token {
  /** The shortest token the daemon accepts. A made one has 64 hex digits (256 bits). */
  public static final int MIN_LENGTH = 32;

  private Token() {}

  /** As {@link #loadOrCreate(Path, Consumer)}, telling no one of a new token. */
  public static String loadOrCreate(Path file) throws IOException {
    return loadOrCreate(file, notice -> {});
  }

  /**
   * The token of the file, made anew (mode 0600) when the file is missing, empty or blank; {@code
   * notice} hears of a new one, never what it is.
   *
   * @throws IOException when the file holds a token that is too short or not one word
   */
  public static String loadOrCreate(Path file, Consumer<String> notice) throws IOException {
    if (Files.exists(file)) {
      String token = read(file);
      if (!token.isEmpty()) {
        if (token.length() < MIN_LENGTH || !token.chars().allMatch(c -> c > 32 && c < 127)) {
          throw new IOException(
              "the API token in "
                  + file
                  + " is shorter than "
                  + MIN_LENGTH
                  + " characters or not one printable word; delete the file and a new token is"
                  + " made on the next start");
        }
        return token;
      }
      notice.accept("the token file " + file + " was empty; made a new API token in it");
    } else {
      notice.accept("made a new API token in " + file);
    }
    return create(file);
  }

  private static String create(Path file) throws IOException {
    StateFiles.ensureDir(file.getParent());
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    // created with 0600 from the start, so the secret is never readable by others
    StateFiles.writeAtomically(file, (token + "\n").getBytes(StandardCharsets.UTF_8));
    return token;
  }

  /** Reads an existing token file, without its surrounding white space. */
  public static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }
}
