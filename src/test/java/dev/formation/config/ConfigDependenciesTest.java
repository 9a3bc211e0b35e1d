package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule in {@code config/package-info.java}: config depends on diag and catalog only. */
class ConfigDependenciesTest {
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?(dev\\.formation\\.[a-z.]+)\\.", Pattern.MULTILINE);

  @Test
  void config_importsOnlyDiagCatalogAndItself() throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/formation/config"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String pkg = m.group(1);
          if (!pkg.startsWith("dev.formation.config")
              && !pkg.startsWith("dev.formation.diag")
              && !pkg.startsWith("dev.formation.catalog")) {
            offences.add(file.getFileName() + " imports " + pkg);
          }
        }
      }
    }

    assertThat(offences).isEmpty();
  }
}
