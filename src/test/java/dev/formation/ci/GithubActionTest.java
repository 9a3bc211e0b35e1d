package dev.formation.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * action.yml's wiring: the scripts it runs exist, inputs reach them only through the environment
 * (an input is never pasted into a script's text), every output is one run.sh writes, and the cache
 * key (version.sh) is the pom's version, with a digest of the sources for a -SNAPSHOT.
 */
class GithubActionTest {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{([^}]*)}}");
  private static final Pattern SCRIPT =
      Pattern.compile("\\$\\{\\{ github\\.action_path }}/([^\"]+)\"");

  @TempDir Path dir;

  @Test
  void runSteps_runScriptsThatExist_andTakeInputsOnlyFromTheEnvironment() throws Exception {
    List<String> scripts = new ArrayList<>();
    for (Path action : GithubSchemasTest.actions()) {
      JsonNode steps =
          YAMLMapper.builder().build().readTree(action.toFile()).path("runs").path("steps");
      for (JsonNode step : steps) {
        String run = step.path("run").asString("");
        Matcher e = EXPRESSION.matcher(run);
        while (e.find()) {
          assertThat(e.group(1).strip())
              .as("an expression in a run: of %s", action)
              .isEqualTo("github.action_path");
        }
        Matcher s = SCRIPT.matcher(run);
        while (s.find()) {
          Path script = action.toAbsolutePath().getParent().resolve(s.group(1)).normalize();
          assertThat(script).as("%s runs it", action).isRegularFile();
          scripts.add(Path.of("").toAbsolutePath().relativize(script).toString());
        }
      }
    }
    assertThat(scripts)
        .containsExactlyInAnyOrder(
            "src/ci/github/version.sh",
            "src/ci/github/install.sh",
            "src/ci/github/run.sh",
            "src/ci/github/comment.sh");
  }

  @Test
  void everyOutput_isOneRunShWrites() throws Exception {
    JsonNode outputs =
        YAMLMapper.builder().build().readTree(Path.of("action.yml").toFile()).path("outputs");
    String run = Files.readString(Path.of("src/ci/github/run.sh"));

    assertThat(outputs.propertyNames())
        .containsExactly("exit-code", "changes", "markdown", "review");
    for (String name : outputs.propertyNames()) {
      assertThat(outputs.path(name).path("value").asString())
          .isEqualTo("${{ steps.run.outputs." + name + " }}");
      assertThat(run).contains("echo \"" + name + "=");
    }
  }

  @Test
  void cacheKey_isThePomsVersion_andASnapshotAlsoKeysOnItsSources() throws Exception {
    Element project =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile())
            .getDocumentElement();
    String pomVersion = project.getElementsByTagName("version").item(0).getTextContent();
    assertThat(project.getElementsByTagName("version").item(0).getParentNode()).isEqualTo(project);

    Map<String, String> here = version(Path.of("").toAbsolutePath());
    assertThat(here.get("version")).isEqualTo(pomVersion);
    assertThat(here.get("dir"))
        .isEqualTo(dir.resolve("cache/formation/formation-" + pomVersion).toString());

    Path copy = Files.createDirectories(dir.resolve("sources"));
    Files.createDirectories(copy.resolve("bin"));
    Files.createDirectories(copy.resolve("src/main"));
    Files.createDirectories(copy.resolve("src/release"));
    Files.writeString(copy.resolve("bin/formation"), "#!/bin/sh\n");
    Files.writeString(copy.resolve("src/main/A.java"), "class A {}\n");
    Files.writeString(
        copy.resolve("pom.xml"), "<project>\n  <version>1.2.0</version>\n</project>\n");
    assertThat(version(copy).get("key")).isEqualTo("formation-1.2.0-Linux-X64-java21");

    Files.writeString(
        copy.resolve("pom.xml"), "<project>\n  <version>1.3.0-SNAPSHOT</version>\n</project>\n");
    String before = version(copy).get("key");
    Files.writeString(copy.resolve("src/main/A.java"), "class A { int changed; }\n");
    String after = version(copy).get("key");
    assertThat(before).matches("formation-1\\.3\\.0-SNAPSHOT-Linux-X64-java21-[0-9a-f]{16}");
    assertThat(after).startsWith("formation-1.3.0-SNAPSHOT-Linux-X64-java21-").isNotEqualTo(before);
  }

  private Map<String, String> version(Path sources) throws Exception {
    Path output = dir.resolve("output");
    Files.deleteIfExists(output);
    Script.Result r =
        Script.run(
            dir,
            List.of(),
            Map.of(
                "FORMATION_SOURCES",
                sources.toString(),
                "FORMATION_JAVA",
                "21",
                "RUNNER_OS",
                "Linux",
                "RUNNER_ARCH",
                "X64",
                "RUNNER_TOOL_CACHE",
                dir.resolve("cache").toString(),
                "GITHUB_OUTPUT",
                output.toString()),
            "github/version.sh");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Script.outputs(output);
  }
}
