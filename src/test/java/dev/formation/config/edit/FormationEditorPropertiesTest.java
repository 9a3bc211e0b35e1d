package dev.formation.config.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.config.yaml.YamlReader;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Properties over generated files and edits (a seeded generator, so a failure names the seed that
 * repeats it): an edit that is made reads back as asked, every other value and every comment is
 * unchanged, and the text changes only where the value is; shared anchors and autoscaled counts are
 * refused with the text untouched.
 */
class FormationEditorPropertiesTest {
  private static final List<String> SIZES =
      List.of("standard-1x", "standard-2x", "performance-m", "performance-l");
  private static final Pattern COMMENT = Pattern.compile("#[^\r\n]*");
  private static final Pattern VALUE =
      Pattern.compile("(size|quantity): ('[^']*'|\"[^\"]*\"|[^\\s,}#]+)");
  private static final int CASES = 400;

  private final FormationEditor editor = new FormationEditor(Catalog.standard());

  /** A generated file and what it says: quantity and size by app and type. */
  record Generated(
      String text,
      Map<String, Map<String, String[]>> values,
      List<String> shared,
      List<String> autoscaled,
      Map<String, String> uncounted,
      String eol) {}

  @Test
  void newTypes_readBackAsAsked_andChangeNothingElse() {
    for (long seed = 0; seed < CASES; seed++) {
      Random random = new Random(seed);
      Generated g = generate(random);
      List<String> apps = new ArrayList<>(g.values().keySet());
      String app = apps.get(random.nextInt(apps.size()));
      String size = SIZES.get(random.nextInt(SIZES.size()));
      int quantity = random.nextInt(20);
      EditResult r =
          editor.edit(
              "g.yaml",
              g.text(),
              app,
              List.of(new ScaleEdit("added", quantity, null, size)),
              "new");
      String what = "seed " + seed + " " + app + "\n" + g.text();
      assertThat(r.refused()).as(what + r.diagnostics().sorted()).isFalse();
      Map<String, Map<String, String[]>> expected = copy(g.values());
      expected.get(app).put("added", new String[] {String.valueOf(quantity), size});
      assertThat(flatten(read(r.text())))
          .as(what + "\n->\n" + r.text())
          .isEqualTo(flatten(expected));
      List<String> comments = comments(r.text());
      comments.remove("# new");
      assertThat(comments).as(what).isEqualTo(comments(g.text()));
      assertThat(r.text())
          .as(what)
          .startsWith(g.text().substring(0, g.text().indexOf("  " + app + ":")));
    }
  }

  @Test
  void madeEdits_readBackAsAsked_andChangeNothingElse() {
    for (long seed = 0; seed < CASES; seed++) {
      Random random = new Random(seed);
      Generated g = generate(random);
      List<String> apps = new ArrayList<>(g.values().keySet());
      String app = apps.get(random.nextInt(apps.size()));
      List<String> types = new ArrayList<>(g.values().get(app).keySet());
      String type = types.get(random.nextInt(types.size()));
      String size = SIZES.get(random.nextInt(SIZES.size()));
      int quantity = random.nextInt(20);
      boolean sizeToo = random.nextBoolean();
      ScaleEdit edit = new ScaleEdit(type, quantity, null, sizeToo ? size : null);
      EditResult r = editor.edit("g.yaml", g.text(), app, List.of(edit), null);
      String what = "seed " + seed + " " + app + " " + edit.word() + "\n" + g.text();
      String key = app + "/" + type;
      if (g.autoscaled().contains(key)) {
        assertThat(r.diagnostics().sorted().get(0).code()).as(what).isIn(Code.FM171, Code.FM170);
        assertThat(r.text()).as(what).isEqualTo(g.text());
        continue;
      }
      String[] now = g.values().get(app).get(type);
      boolean same = String.valueOf(quantity).equals(now[0]) && (!sizeToo || size.equals(now[1]));
      if (g.shared().contains(key) && same) {
        assertThat(r.refused()).as(what).isFalse();
        assertThat(r.text()).as(what).isEqualTo(g.text());
        continue;
      }
      if (g.shared().contains(key)) {
        assertThat(r.diagnostics().sorted()).as(what).isNotEmpty();
        assertThat(r.diagnostics().sorted().get(0).code()).as(what).isEqualTo(Code.FM170);
        assertThat(r.text()).as(what).isEqualTo(g.text());
        continue;
      }
      assertThat(r.refused()).as(what + r.diagnostics().sorted()).isFalse();
      Map<String, Map<String, String[]>> after = read(r.text());
      Map<String, Map<String, String[]>> expected = copy(g.values());
      String[] mine = expected.get(app).get(type);
      mine[0] = String.valueOf(quantity);
      if (sizeToo) {
        mine[1] = size;
      }
      assertThat(flatten(after)).as(what + "\n->\n" + r.text()).isEqualTo(flatten(expected));
      assertThat(comments(r.text())).as(what).isEqualTo(comments(g.text()));
      assertThat(lineBreaks(r.text())).as(what).isEqualTo(lineBreaks(g.text()));
      String sizeLine = g.uncounted().get(key);
      String before =
          sizeLine == null
              ? g.text()
              : g.text().replace(sizeLine, sizeLine + g.eol() + "        quantity: " + quantity);
      onlyValuesChanged(before, r.text(), what);
    }
  }

  /** With every size and quantity value masked, the texts are the same to the byte. */
  private static void onlyValuesChanged(String before, String after, String what) {
    assertThat(mask(after)).as(what).isEqualTo(mask(before));
  }

  private static String mask(String text) {
    return VALUE.matcher(text).replaceAll("$1: V");
  }

  private static Generated generate(Random random) {
    String eol = random.nextInt(4) == 0 ? "\r\n" : "\n";
    StringBuilder b = new StringBuilder("# générée ☕" + eol + "version: 1" + eol);
    boolean anchors = random.nextBoolean();
    if (anchors) {
      b.append("x-base: &base {size: standard-1x, quantity: 2}  # shared 🚀").append(eol);
    }
    b.append("apps:").append(eol);
    Map<String, Map<String, String[]>> values = new LinkedHashMap<>();
    List<String> shared = new ArrayList<>();
    List<String> autoscaled = new ArrayList<>();
    Map<String, String> uncounted = new LinkedHashMap<>();
    int appCount = 1 + random.nextInt(3);
    int merges = 0;
    for (int a = 0; a < appCount; a++) {
      String app = "app" + a;
      Map<String, String[]> types = new LinkedHashMap<>();
      values.put(app, types);
      b.append("  ").append(app).append(":  # app ").append(a).append(eol);
      b.append("    processes:").append(eol);
      int typeCount = 1 + random.nextInt(4);
      for (int t = 0; t < typeCount; t++) {
        String type = t == 0 ? "web" : "t" + t;
        String key = app + "/" + type;
        String size = SIZES.get(random.nextInt(SIZES.size()));
        String quantity = String.valueOf(random.nextInt(9));
        if (random.nextInt(6) == 0) {
          b.append("      # about ").append(type).append(eol);
        }
        if (anchors && random.nextInt(4) == 0) {
          b.append("      ").append(type).append(": {<<: *base}").append(eol);
          types.put(type, new String[] {"2", "standard-1x"});
          shared.add(key);
          merges++;
          continue;
        }
        if (type.equals("web") && random.nextInt(4) == 0) {
          b.append("      web: {size: performance-m, autoscale: {min: 1, max: 4}}").append(eol);
          types.put(type, new String[] {null, "performance-m"});
          autoscaled.add(key);
          continue;
        }
        String written =
            switch (random.nextInt(3)) {
              case 0 -> "'" + size + "'";
              case 1 -> "\"" + size + "\"";
              default -> size;
            };
        types.put(type, new String[] {quantity, size});
        if (random.nextBoolean()) {
          b.append("      ")
              .append(type)
              .append(": {size: ")
              .append(written)
              .append(", quantity: ")
              .append(quantity)
              .append("}  # flow ")
              .append(t)
              .append(eol);
        } else {
          b.append("      ").append(type).append(":").append(eol);
          String sizeLine = "        size: " + written + "   # size " + key;
          b.append(sizeLine).append(eol);
          if (random.nextInt(5) == 0) {
            uncounted.put(key, sizeLine);
            types.get(type)[0] = null;
            continue;
          }
          if (random.nextBoolean()) {
            b.append(eol);
          }
          b.append("        quantity: ").append(quantity).append(eol);
        }
      }
    }
    if (merges == 1) {
      // a merge used once is not shared with another process
      shared.clear();
    }
    String text = random.nextInt(5) == 0 ? b.substring(0, b.length() - eol.length()) : b.toString();
    return new Generated(text, values, shared, autoscaled, uncounted, eol);
  }

  private static Map<String, Map<String, String[]>> read(String text) {
    YMap root = (YMap) YamlReader.read("g.yaml", text, new Diagnostics());
    Map<String, Map<String, String[]>> out = new LinkedHashMap<>();
    for (YMap.Entry app : ((YMap) root.get("apps")).entries()) {
      Map<String, String[]> types = new LinkedHashMap<>();
      out.put(app.key(), types);
      for (YMap.Entry type : ((YMap) ((YMap) app.value()).get("processes")).entries()) {
        YMap p = (YMap) type.value();
        types.put(type.key(), new String[] {text(p.get("quantity")), text(p.get("size"))});
      }
    }
    return out;
  }

  private static String text(YNode node) {
    return node instanceof YScalar s ? s.text() : null;
  }

  private static Map<String, Map<String, String[]>> copy(Map<String, Map<String, String[]>> m) {
    Map<String, Map<String, String[]>> out = new LinkedHashMap<>();
    m.forEach(
        (app, types) -> {
          Map<String, String[]> t = new LinkedHashMap<>();
          types.forEach((k, v) -> t.put(k, v.clone()));
          out.put(app, t);
        });
    return out;
  }

  private static List<String> flatten(Map<String, Map<String, String[]>> m) {
    List<String> out = new ArrayList<>();
    m.forEach(
        (app, types) -> types.forEach((t, v) -> out.add(app + "/" + t + "=" + v[0] + ":" + v[1])));
    return out;
  }

  private static List<String> comments(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = COMMENT.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String lineBreaks(String text) {
    return text.contains("\r\n") ? "crlf" : "lf";
  }
}
