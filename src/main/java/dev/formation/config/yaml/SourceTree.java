package dev.formation.config.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A YAML document as written, for editing it: every node with the character offsets of its text,
 * its style and anchor, and aliases kept as aliases (pointing at the node they name), so that an
 * editor can replace one scalar's characters and leave every other character as it was.
 *
 * <p>{@link YamlReader} is what the loader reads; this tree is only for tools that change the text
 * of a file the loader has already accepted.
 */
public final class SourceTree {
  /**
   * A node and where its text starts and ends (character offsets into the source, end exclusive).
   */
  public sealed interface Node permits Scalar, Mapping, Sequence, Alias {
    int start();

    int end();

    /** The anchor written on the node, or {@code null}. */
    String anchor();
  }

  /**
   * A scalar; {@code valueStart} is where its value starts after any anchor or tag.
   *
   * @param style {@code plain}, {@code single}, {@code double}, {@code literal} or {@code folded}
   */
  public record Scalar(
      String value, String style, String anchor, String tag, int start, int valueStart, int end)
      implements Node {}

  /** One key and its value. */
  public record Entry(Scalar key, Node value) {}

  /** A mapping in written order, merge keys ({@code <<}) included as entries. */
  public record Mapping(List<Entry> entries, boolean flow, String anchor, int start, int end)
      implements Node {}

  /** A sequence. */
  public record Sequence(List<Node> items, boolean flow, String anchor, int start, int end)
      implements Node {}

  /** An alias, with the node its anchor named where it stands. */
  public record Alias(String name, Node target, int start, int end) implements Node {
    @Override
    public String anchor() {
      return null;
    }
  }

  /** Thrown when the text is not one YAML document this tree can represent. */
  public static final class Unreadable extends Exception {
    public Unreadable(String message) {
      super(message);
    }
  }

  private final String text;
  private final int[] charAt;
  private final Map<String, Node> anchors = new HashMap<>();
  private Iterator<Event> events;

  private SourceTree(String text) {
    this.text = text;
    this.charAt = codePointOffsets(text);
  }

  /** Parses {@code text}; the root node (a mapping for a formation file). */
  public static Node parse(String text) throws Unreadable {
    return new SourceTree(text).root();
  }

  private Node root() throws Unreadable {
    LoadSettings settings = LoadSettings.builder().setUseMarks(true).build();
    try {
      events = new Parse(settings).parseString(text).iterator();
      Node root = null;
      while (events.hasNext()) {
        Event e = events.next();
        if (e instanceof NodeEvent) {
          if (root != null) {
            throw new Unreadable("more than one YAML document");
          }
          root = node(e);
        } else if (e.getEventId() == Event.ID.DocumentStart && root != null) {
          throw new Unreadable("more than one YAML document");
        }
      }
      if (root == null) {
        throw new Unreadable("an empty document");
      }
      return root;
    } catch (YamlEngineException | IllegalStateException e) {
      throw new Unreadable("not valid YAML: " + e.getMessage());
    }
  }

  private Node node(Event e) throws Unreadable {
    int start = offset(e.getStartMark().map(m -> m.getIndex()).orElse(0));
    Node node;
    if (e instanceof AliasEvent alias) {
      String name = alias.getAlias().getValue();
      Node target = anchors.get(name);
      if (target == null) {
        throw new Unreadable("alias *" + name + " names no anchor before it");
      }
      return new Alias(name, target, start, end(e));
    } else if (e instanceof ScalarEvent s) {
      node = scalar(s, start);
    } else if (e instanceof MappingStartEvent m) {
      List<Entry> entries = new ArrayList<>();
      Event next;
      while ((next = events.next()).getEventId() != Event.ID.MappingEnd) {
        if (!(next instanceof ScalarEvent key)) {
          throw new Unreadable("a key that is not a plain value");
        }
        Scalar k = scalar(key, offset(key.getStartMark().map(x -> x.getIndex()).orElse(0)));
        entries.add(new Entry(k, node(events.next())));
      }
      node = new Mapping(entries, m.getFlowStyle() == FlowStyle.FLOW, anchor(m), start, end(next));
    } else if (e instanceof SequenceStartEvent s) {
      List<Node> items = new ArrayList<>();
      Event next;
      while ((next = events.next()).getEventId() != Event.ID.SequenceEnd) {
        items.add(node(next));
      }
      node = new Sequence(items, s.getFlowStyle() == FlowStyle.FLOW, anchor(s), start, end(next));
    } else {
      throw new Unreadable("unexpected " + e.getEventId());
    }
    if (node.anchor() != null) {
      anchors.put(node.anchor(), node);
    }
    return node;
  }

  private Scalar scalar(ScalarEvent s, int start) {
    int end = end(s);
    int valueStart = start;
    // Node properties (an anchor, a tag) come before the value, in either order.
    for (int property = 0; property < 2 && valueStart < end; property++) {
      char c = text.charAt(valueStart);
      if (c != '&' && c != '!') {
        break;
      }
      while (valueStart < end && !Character.isWhitespace(text.charAt(valueStart))) {
        valueStart++;
      }
      while (valueStart < end && Character.isWhitespace(text.charAt(valueStart))) {
        valueStart++;
      }
    }
    String style =
        switch (s.getScalarStyle()) {
          case SINGLE_QUOTED -> "single";
          case DOUBLE_QUOTED -> "double";
          case LITERAL -> "literal";
          case FOLDED -> "folded";
          default -> "plain";
        };
    return new Scalar(
        s.getValue(), style, anchor(s), s.getTag().orElse(null), start, valueStart, end);
  }

  private static String anchor(NodeEvent e) {
    return e.getAnchor().map(a -> a.getValue()).orElse(null);
  }

  private int end(Event e) {
    return offset(e.getEndMark().map(m -> m.getIndex()).orElse(text.length()));
  }

  /** A code point index (snakeyaml's marks count code points) as a char offset. */
  private int offset(int codePoints) {
    if (charAt == null) {
      return Math.min(codePoints, text.length());
    }
    return codePoints >= charAt.length ? text.length() : charAt[codePoints];
  }

  /** Char offsets by code point index, or {@code null} when the text has no surrogate pair. */
  private static int[] codePointOffsets(String text) {
    int count = text.codePointCount(0, text.length());
    if (count == text.length()) {
      return null;
    }
    int[] offsets = new int[count + 1];
    int i = 0;
    for (int cp = 0; cp < count; cp++) {
      offsets[cp] = i;
      i += Character.charCount(text.codePointAt(i));
    }
    offsets[count] = text.length();
    return offsets;
  }
}
