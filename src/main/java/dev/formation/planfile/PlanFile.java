package dev.formation.planfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saved plan of {@code plan --out FILE}: JSON with the plan, each app's live state and
 * fingerprint, the config digest, the git commit and the moment the plan was made for ({@code
 * evaluated_at}, with what of each schedule was in force then), sealed with a digest of all of it.
 * Process commands are left out, since they may carry secrets, and a local app's Procfile commands
 * are kept only as digests; nothing else the plan holds is secret.
 */
public final class PlanFile {
  private PlanFile() {}

  /** The file's text, sealed with the digest of everything else in it. */
  public static String write(SavedPlan saved) {
    ObjectNode root = PlanJson.MAPPER.createObjectNode();
    root.put("format_version", PlanJson.FORMAT_VERSION);
    root.put("kind", "formation-plan");
    root.put("tool_version", saved.toolVersion());
    root.put("created_at", saved.createdAt().toString());
    root.put("config_digest", saved.configDigest());
    root.put("git_commit", saved.gitCommit());
    if (saved.plan().at() != null) {
      root.put("evaluated_at", saved.plan().at().toString());
    }
    root.set("plan", PlanJson.write(saved.plan(), true));
    root.put("digest", digest(root));
    return PlanJson.MAPPER
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(root)
        + "\n";
  }

  /** Writes the file whole or not at all, so a failed write never leaves half a plan. */
  public static void write(Path file, SavedPlan saved) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".formation-plan", ".tmp");
    try {
      Files.writeString(tmp, write(saved), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static SavedPlan read(Path file) throws PlanFileException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlanFileException("cannot read plan file " + file + ": " + reason(e), e);
    }
    return parse(text, file.toString());
  }

  /**
   * @param source the file name, for messages
   */
  public static SavedPlan parse(String text, String source) throws PlanFileException {
    JsonNode tree;
    try {
      tree = PlanJson.MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new PlanFileException(source + " is not JSON: " + e.getOriginalMessage(), e);
    }
    try {
      JsonField root = new JsonField(tree, "");
      if (!tree.isObject() || !"formation-plan".equals(tree.path("kind").asString(""))) {
        throw new PlanFileException("not a plan file written by `formation plan --out`");
      }
      long version = root.get("format_version").longValue();
      if (version != PlanJson.FORMAT_VERSION) {
        throw new PlanFileException(
            "format_version " + version + " is not supported; this formation reads version 1");
      }
      checkSeal((ObjectNode) tree);
      List<String> problems = PlanFileSchema.errors(tree, 3);
      if (!problems.isEmpty()) {
        throw new PlanFileException(
            "does not match schemas/plan.schema.json: " + String.join("; ", problems));
      }
      return new SavedPlan(
          PlanJsonReader.plan(
              root.get("plan"),
              root.has("evaluated_at") ? instant(root.get("evaluated_at")) : null),
          root.get("config_digest").string(),
          root.get("git_commit").stringOrNull(),
          instant(root.get("created_at")),
          root.get("tool_version").string());
    } catch (PlanFileException e) {
      throw new PlanFileException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a file whose digest does not match its content: a hand edit, a truncation, a merge that
   * touched it. The digest guards against accidents and edits, not against someone who recomputes
   * it; the fingerprints and the re-read before each write still hold then.
   */
  private static void checkSeal(ObjectNode tree) throws PlanFileException {
    JsonNode digest = tree.get("digest");
    if (digest == null || !digest.isString()) {
      throw new PlanFileException(
          "digest: missing; the file is not sealed as `formation plan --out` writes it");
    }
    ObjectNode content = tree.deepCopy();
    content.remove("digest");
    if (!digest.stringValue().equals(digest(content))) {
      throw new PlanFileException(
          "the file was changed after `formation plan --out` wrote it (its digest does not"
              + " match); nothing of it is applied");
    }
  }

  /** {@code sha256:} and the hex SHA-256 of the document as compact JSON in its key order. */
  private static String digest(ObjectNode content) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(PlanJson.MAPPER.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.charset.CharacterCodingException) {
      return "not UTF-8 text";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Instant instant(JsonField n) throws PlanFileException {
    try {
      return Instant.parse(n.string());
    } catch (DateTimeParseException e) {
      throw n.error("expected an ISO-8601 instant");
    }
  }
}
