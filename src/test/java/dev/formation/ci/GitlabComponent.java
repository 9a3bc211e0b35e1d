package dev.formation.ci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code templates/formation.yml} as GitLab reads a CI/CD component: a header document with {@code
 * spec: inputs:}, then {@code ---}, then the jobs, in which {@code $[[ inputs.NAME ]]} is replaced
 * by the input's value before anything else.
 */
final class GitlabComponent {
  static final Path FILE = Path.of("templates", "formation.yml");
  static final Pattern INPUT = Pattern.compile("\\$\\[\\[\\s*inputs\\.([A-Za-z0-9_-]+)\\s*\\]\\]");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private GitlabComponent() {}

  static String text() {
    try {
      return Files.readString(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header document and the jobs document, split at the {@code ---} line. */
  static String[] documents() {
    String[] parts = text().split("(?m)^---\\s*$", 2);
    if (parts.length != 2) {
      throw new AssertionError(FILE + " has no `---` line after its spec");
    }
    return parts;
  }

  static JsonNode inputs() {
    return YAML.readTree(documents()[0]).path("spec").path("inputs");
  }

  static JsonNode jobs() {
    return YAML.readTree(documents()[1]);
  }

  /** The names of the inputs {@code text} uses, in order of first use. */
  static Set<String> used(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = INPUT.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Each input's default, as GitLab would interpolate it. */
  static Map<String, String> defaults() {
    Map<String, String> values = new LinkedHashMap<>();
    inputs()
        .properties()
        .forEach(e -> values.put(e.getKey(), e.getValue().path("default").asString()));
    return values;
  }

  /** {@code text} with every {@code $[[ inputs.NAME ]]} replaced by {@code values}' NAME. */
  static String interpolate(String text, Map<String, String> values) {
    return INPUT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
  }

  /** The script item of {@code job} that contains {@code text}. */
  static String scriptItem(String job, String text) {
    for (JsonNode item : jobs().path(job).path("script")) {
      if (item.asString("").contains(text)) {
        return item.asString();
      }
    }
    throw new AssertionError("no script item of " + job + " contains " + text);
  }
}
