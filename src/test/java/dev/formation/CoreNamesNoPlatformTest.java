package dev.formation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.PlatformKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core names no platform, in code as in dependencies ({@link ArchitectureTest} checks those):
 * no code line of {@code config}, {@code plan}, {@code apply}, {@code planfile}, {@code ops},
 * {@code live} or {@code diag} writes an installed platform's word as a string ({@code "local"}) or
 * a type named after it ({@code LocalRegistration}). Comments may name platforms as examples.
 */
class CoreNamesNoPlatformTest {
  private static final List<String> CORE =
      List.of("config", "plan", "apply", "planfile", "ops", "live", "diag");

  /** The JDK's own types that happen to start like a platform's name. */
  private static final Pattern JDK = Pattern.compile("\\bLocal(Date|Time|DateTime)\\b");

  @Test
  void coreCode_namesNoInstalledPlatform() throws IOException {
    List<Pattern> named = new ArrayList<>();
    for (PlatformKind k : PlatformKind.all()) {
      String word = k.word();
      String type = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
      named.add(Pattern.compile("\"" + Pattern.quote(word) + "\"|\\b" + type + "[A-Z]\\w*"));
    }
    List<String> found = new ArrayList<>();
    for (String pkg : CORE) {
      try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/formation", pkg))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          List<String> lines = Files.readAllLines(file);
          boolean inComment = false;
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (inComment || line.startsWith("/*")) {
              inComment = !line.contains("*/");
              continue;
            }
            String code = line.startsWith("//") ? "" : JDK.matcher(line).replaceAll("");
            for (Pattern p : named) {
              if (p.matcher(code).find()) {
                found.add(file + ":" + (i + 1) + ": " + line);
              }
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
