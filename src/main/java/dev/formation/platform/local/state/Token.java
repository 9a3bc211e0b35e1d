package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The daemon's bearer token: random, created on first start, readable by its owner only (a looser
 * file is made 0600 whenever it is read). It cannot be switched off: a missing, empty or blank file
 * gets a new token, and a token shorter than {@link #MIN_LENGTH} characters, or with fewer than
 * {@link #MIN_BITS} bits by {@link #bits}, stops the daemon from starting and is not sent by
 * clients ({@link WeakTokenException}).
 */
public final class Token {
  /** The shortest token the daemon accepts. A made one has 64 hex digits (256 bits). */
  public static final int MIN_LENGTH = 32;

  /** The least entropy, estimated by {@link #bits}, of a token the daemon accepts. */
  public static final double MIN_BITS = 128;

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
      String token = raw(file);
      if (!token.isEmpty()) {
        return checked(file, token);
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

  /**
   * Reads an existing token file, without its surrounding white space, after making it 0600 if it
   * was looser.
   *
   * @throws WeakTokenException when the token is too short, not one word, or too easy to guess
   */
  public static String read(Path file) throws IOException {
    String token = raw(file);
    return token.isEmpty() ? token : checked(file, token);
  }

  private static String raw(Path file) throws IOException {
    StateFiles.tighten(file);
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }

  /**
   * The token's entropy as estimated from its own characters: its length times the Shannon entropy
   * of its characters' frequencies ({@code -Σ p·log2 p}). A made token (64 random hex digits) has
   * about 240; {@code aaaa…} has 0, whatever its length; a word repeated has what its few letters
   * give. It cannot see a pattern ({@code 0123456789abcdef} four times scores as random hex), so it
   * refuses the obviously weak, not every weak token.
   */
  public static double bits(String token) {
    Map<Integer, Integer> counts = new HashMap<>();
    token.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
    double n = token.codePointCount(0, token.length());
    double perChar = 0;
    for (int c : counts.values()) {
      double p = c / n;
      perChar -= p * Math.log(p) / Math.log(2);
    }
    return perChar * n;
  }

  private static String checked(Path file, String token) throws WeakTokenException {
    if (token.length() < MIN_LENGTH || !token.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new WeakTokenException(
          "the API token in "
              + file
              + " is shorter than "
              + MIN_LENGTH
              + " characters or not one printable word; "
              + REGENERATE);
    }
    if (bits(token) < MIN_BITS) {
      throw new WeakTokenException(
          "the API token in "
              + file
              + " is too easy to guess (about "
              + (int) bits(token)
              + " bits, at least "
              + (int) MIN_BITS
              + " needed); "
              + REGENERATE);
    }
    return token;
  }

  private static final String REGENERATE =
      "stop the local platform (formation local stop), delete the file, and a new random token is"
          + " made on the next start";
}
