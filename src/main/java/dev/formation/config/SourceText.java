package dev.formation.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The text of one config file, however it was obtained (from disk, or from a git commit).
 *
 * @param displayName the name shown in diagnostics: a path as given, or {@code REF:path}
 * @param baseDir the folder that relative paths in the file (a local app's {@code dir}) resolve
 *     against, or {@code null} when the file is not on disk, which skips checks of those folders
 */
public record SourceText(String displayName, String text, Path baseDir) {
  public SourceText {
    if (displayName == null || text == null) {
      throw new IllegalArgumentException("a source text needs a name and a text");
    }
  }

  /**
   * The bytes of a config file as text: strict UTF-8 with no NUL (a NUL byte never occurs in a text
   * file), without a leading byte-order mark; {@code null} when they are not text.
   */
  public static String decode(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
