package dev.formation.config.yaml;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one YAML document into a {@link YNode} tree with positions, on Jackson's streaming YAML
 * parser.
 *
 * <p>Jackson reports anchors and aliases but does not resolve them, and knows nothing of merge
 * keys; this reader resolves both, refuses duplicate keys, and bounds nesting and alias expansion
 * so that hostile input fails fast with a diagnostic.
 */
public final class YamlReader {
  /** Deeper nesting than this is refused (formation files need about 6 levels). */
  public static final int MAX_DEPTH = 64;

  /** More nodes than this after alias expansion is refused (a YAML bomb). */
  public static final long MAX_WEIGHT = 100_000;

  private static final String MERGE_KEY = "<<";
  private static final String CORE_TAGS = "tag:yaml.org,2002:";
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private final String file;
  private final Diagnostics diags;
  private final Map<String, YNode> anchors = new HashMap<>();
  private JsonParser parser;
  private String source = "";

  private YamlReader(String file, Diagnostics diags) {
    this.file = file;
    this.diags = diags;
  }

  /**
   * Parses {@code text}; returns the root node, or {@code null} after adding a diagnostic when the
   * text is not one well-formed YAML document.
   */
  public static YNode read(String file, String text, Diagnostics diags) {
    return new YamlReader(file, diags).readDocument(text);
  }

  private YNode readDocument(String text) {
    source = text;
    try (JsonParser p = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), text)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      YNode root = readValue(first, 1);
      if (p.nextToken() != null) {
        diags.error(
            Code.FM002,
            "a formation file holds one YAML document; found a second one here",
            here(),
            "split it into two files, or remove the extra `---`");
        return null;
      }
      return root;
    } catch (Refused refused) {
      return null;
    } catch (JacksonException e) {
      reportSyntax(e);
      return null;
    } catch (YamlEngineException e) {
      // snakeyaml-engine throws its own unchecked exceptions for some malformed streams; any other
      // unchecked exception here is a bug in formation, for Main to report as one.
      diags.error(
          Code.FM002,
          "not valid YAML: " + firstLine(String.valueOf(e.getMessage())),
          SourceRange.file(file),
          null);
      return null;
    }
  }

  private YNode readValue(JsonToken token, int depth) {
    if (depth > MAX_DEPTH) {
      fail(Code.FM004, "nesting deeper than " + MAX_DEPTH + " levels", null);
    }
    SourceRange start = here();
    String anchor = anchorName();
    YNode node;
    if (token == JsonToken.START_OBJECT) {
      refuseCollectionTag(CORE_TAGS + "map", "a mapping", start);
      node = readMap(start, depth);
    } else if (token == JsonToken.START_ARRAY) {
      refuseCollectionTag(CORE_TAGS + "seq", "a list", start);
      node = readSeq(start, depth);
    } else if (isAlias()) {
      node = resolveAlias(start);
    } else {
      node = scalar(token, start);
    }
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private YMap readMap(SourceRange start, int depth) {
    Map<String, YMap.Entry> explicit = new LinkedHashMap<>();
    List<YMap> merged = new ArrayList<>();
    long weight = 1;
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      SourceRange keyRange = here();
      YNode value = readValue(parser.nextToken(), depth + 1);
      weight = addWeight(weight, value.weight(), keyRange);
      if (MERGE_KEY.equals(key)) {
        collectMerge(value, merged, keyRange);
        continue;
      }
      YMap.Entry previous = explicit.get(key);
      if (previous != null) {
        diags.error(
            Code.FM003,
            "duplicate key `"
                + key
                + "` (first defined at line "
                + previous.keyRange().line()
                + ")",
            keyRange,
            "remove one of the two; YAML keeps only one value per key");
        continue;
      }
      explicit.put(key, new YMap.Entry(key, keyRange, value));
    }
    List<YMap.Entry> entries = new ArrayList<>(explicit.values());
    for (YMap source : merged) {
      for (YMap.Entry e : source.entries()) {
        if (entries.stream().noneMatch(x -> x.key().equals(e.key()))) {
          entries.add(e);
        }
      }
    }
    return new YMap(entries, start, weight);
  }

  private void collectMerge(YNode value, List<YMap> merged, SourceRange at) {
    if (value instanceof YMap map) {
      merged.add(map);
    } else if (value instanceof YSeq seq && seq.items().stream().allMatch(YMap.class::isInstance)) {
      seq.items().forEach(i -> merged.add((YMap) i));
    } else {
      diags.error(
          Code.FM011,
          "a merge key `<<` takes a mapping or a list of mappings, not " + value.kindWord(),
          at,
          "write `<<: *anchor` where `anchor` names a mapping");
    }
  }

  private YSeq readSeq(SourceRange start, int depth) {
    List<YNode> items = new ArrayList<>();
    long weight = 1;
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      // An alias item carries its anchor's range; a bomb is reported where it is used.
      SourceRange itemAt = here();
      YNode item = readValue(t, depth + 1);
      weight = addWeight(weight, item.weight(), itemAt);
      items.add(item);
    }
    return new YSeq(items, start, weight);
  }

  private YNode resolveAlias(SourceRange at) {
    String name = parser.getString();
    YNode target = anchors.get(name);
    if (target == null) {
      fail(Code.FM002, "alias `*" + name + "` refers to no anchor defined before it", at);
    }
    return target;
  }

  private long addWeight(long weight, long more, SourceRange at) {
    long total = weight + more;
    if (total > MAX_WEIGHT) {
      fail(Code.FM004, "aliases expand to more than " + MAX_WEIGHT + " nodes (a YAML bomb?)", at);
    }
    return total;
  }

  /**
   * A tag on a mapping or a list other than the one it has anyway ({@code !!set}, {@code !!omap},
   * {@code !custom}) asks for a type formation does not read. Scalar tags are kept on the node and
   * judged by the loader, which knows the field.
   */
  private void refuseCollectionTag(String expected, String what, SourceRange at) {
    String tag = rawTag();
    if (tag != null && !tag.equals(expected)) {
      diags.error(
          Code.FM006,
          "the YAML tag `"
              + shortTag(tag)
              + "` on "
              + what
              + " asks for a type formation does not read",
          at,
          "remove the tag: formation reads mappings, lists and plain values as written");
    }
  }

  private String rawTag() {
    return parser instanceof YAMLParser y ? y.getRawTag() : null;
  }

  /** {@code tag:yaml.org,2002:str} as it is usually written, {@code !!str}. */
  static String shortTag(String tag) {
    if (tag == null) {
      return null;
    }
    return tag.startsWith(CORE_TAGS) ? "!!" + tag.substring(CORE_TAGS.length()) : tag;
  }

  private YScalar scalar(JsonToken token, SourceRange at) {
    String text = parser.getString();
    String tag = shortTag(rawTag());
    if (tag != null) {
      // Typed as written, without the tag, so that a tag that changes the type can be refused.
      YScalar.Kind written =
          text != null && ScalarSyntax.at(source, offset()).plain()
              ? ScalarSyntax.coreSchemaKind(text)
              : YScalar.Kind.STRING;
      return new YScalar(written, text == null ? "" : text, at, tag);
    }
    YScalar.Kind kind =
        switch (token) {
          case VALUE_NUMBER_INT -> YScalar.Kind.INTEGER;
          case VALUE_NUMBER_FLOAT -> YScalar.Kind.FLOAT;
          case VALUE_TRUE, VALUE_FALSE -> YScalar.Kind.BOOLEAN;
          case VALUE_NULL -> YScalar.Kind.NULL;
          default -> YScalar.Kind.STRING;
        };
    if (kind == YScalar.Kind.STRING && text != null && ScalarSyntax.at(source, offset()).plain()) {
      kind = ScalarSyntax.coreSchemaKind(text);
    }
    return new YScalar(kind, text == null ? "null" : text, at);
  }

  private int offset() {
    TokenStreamLocation loc = parser.currentTokenLocation();
    return loc == null ? -1 : (int) Math.min(Integer.MAX_VALUE, loc.getCharOffset());
  }

  private boolean isAlias() {
    return parser instanceof YAMLParser y && y.isCurrentAlias();
  }

  private String anchorName() {
    if (parser instanceof YAMLParser y && !y.isCurrentAlias()) {
      Object id = y.getObjectId();
      if (id != null) {
        return id.toString();
      }
      // Jackson reports anchors of mappings and lists only; a scalar's is read from the text.
      JsonToken t = parser.currentToken();
      if (t != null && t.isScalarValue()) {
        return ScalarSyntax.at(source, offset()).anchor();
      }
    }
    return null;
  }

  private SourceRange here() {
    return rangeOf(parser.currentTokenLocation());
  }

  private SourceRange rangeOf(TokenStreamLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return SourceRange.file(file);
    }
    return SourceRange.at(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  private void fail(Code code, String message, SourceRange at) {
    diags.error(code, message, at == null ? here() : at, null);
    throw new Refused();
  }

  /** Reports a syntax error at snakeyaml's problem mark, which is more exact than Jackson's. */
  private void reportSyntax(JacksonException e) {
    String problem = null;
    String context = null;
    SourceRange at = rangeOf(e.getLocation());
    if (e.getCause() instanceof MarkedYamlEngineException marked) {
      problem = marked.getProblem();
      context = marked.getContext();
      Optional<Mark> mark = marked.getProblemMark().or(marked::getContextMark);
      // "but got <stream end>" points past the last line; where the unclosed thing opened helps
      // more.
      if (problem != null && atEnd(problem) && marked.getContextMark().isPresent()) {
        mark = marked.getContextMark();
      }
      if (mark.isPresent()) {
        at = SourceRange.at(file, mark.get().getLine() + 1, mark.get().getColumn() + 1);
      }
    }
    if (problem == null || problem.isBlank()) {
      problem = firstLine(String.valueOf(e.getOriginalMessage())).trim();
    }
    if (problem.contains("(TAB)")) {
      problem = "a tab character where YAML expects spaces";
    }
    if (problem.startsWith("Expected a property name")) {
      // Jackson's words for a key that is a list, a mapping or an alias, with parser event names.
      problem = "a key must be a plain word or a quoted string, not a list, mapping or alias";
      context = null;
    }
    String message = "not valid YAML: " + problem;
    if (context != null && !context.isBlank()) {
      message += " (" + context + ")";
    }
    diags.error(Code.FM002, message, at, hintFor(problem));
  }

  private static boolean atEnd(String problem) {
    return problem.contains("<stream end>") || problem.contains("unexpected end of stream");
  }

  private static String hintFor(String problem) {
    if (atEnd(problem)) {
      return "close the bracket or quote that opens here";
    }
    if (problem.contains("<block end>")) {
      return "check the indentation: the keys of one mapping start in the same column";
    }
    if (problem.contains("tab character")) {
      return "YAML indents with spaces; replace the tabs with spaces";
    }
    if (problem.contains("special characters are not allowed")
        || problem.contains("unacceptable code point")) {
      return "the file looks binary; formation reads UTF-8 text";
    }
    if (problem.contains("mapping values are not allowed")) {
      return "a value that contains `: ` must be quoted";
    }
    return null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Unwinds the reader after a diagnostic that ends reading. */
  private static final class Refused extends RuntimeException {
    Refused() {
      super(null, null, false, false);
    }
  }
}
