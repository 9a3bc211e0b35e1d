package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.platform.local.state.DaemonLock;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.LogPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client side's parts that need no daemon: the stopped state folder and the daemon's jar. */
class ClientSideTest {
  @TempDir Path home;

  private LocalSettings settings() {
    return LocalSettings.fromEnv(Map.of("FORMATION_HOME", home.toString()));
  }

  @Test
  void stoppedPlatform_readsTheLogsLeft_forgetsAnApp_andDeletesTheFolder() throws Exception {
    LocalSettings s = settings();
    Files.createDirectories(s.logsDir());
    Files.createDirectories(s.appsDir());
    Files.writeString(s.logFile("demo"), "one\ntwo\n");
    Files.writeString(s.logFile("demo").resolveSibling("demo.log.1"), "older\n");
    Files.writeString(s.appsDir().resolve("demo.json"), "{}");
    StoppedPlatform stopped = new StoppedPlatform(s);

    assertThat(stopped.logs(null, 1, null)).containsExactly(new LogPage("demo", List.of("two"), 8));
    assertThat(stopped.logs("demo", 5, Map.of("demo", 4L)))
        .containsExactly(new LogPage("demo", List.of("two"), 8));
    assertThat(stopped.forget("demo")).isTrue();
    assertThat(s.appsDir().resolve("demo.json")).doesNotExist();
    assertThat(s.logsDir()).isEmptyDirectory();
    assertThat(stopped.forget("demo")).isFalse();
    assertThatThrownBy(() -> stopped.forget("Not_A_Name")).isInstanceOf(IOException.class);

    stopped.delete();
    assertThat(s.stateDir()).doesNotExist();
  }

  @Test
  void stoppedPlatform_refusesWhileADaemonHoldsTheFolder() throws Exception {
    LocalSettings s = settings();
    StoppedPlatform stopped = new StoppedPlatform(s);
    try (DaemonLock held = DaemonLock.acquire(s.stateDir())) {
      assertThatThrownBy(() -> stopped.logs(null, 10, null))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("ask it over its API");
      assertThatThrownBy(stopped::delete).isInstanceOf(IOException.class);
      assertThat(s.stateDir()).exists();
    }
  }

  @Test
  void daemonJar_aJarIsCopiedIntoTheStateFolder_olderCopiesGo_foldersStayAsTheyAre()
      throws Exception {
    Path stateDir = home.resolve("local");
    Path jar = Files.writeString(home.resolve("formation.jar"), "jar bytes");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    Path old = Files.createDirectories(stateDir.resolve("lib")).resolve("formation-1-2.jar");
    Files.writeString(old, "an older build");

    List<Path> classpath = DaemonJar.classpath(List.of(jar), stateDir);

    assertThat(classpath).containsExactly(stateDir.resolve("lib/formation-9-1000000.jar"));
    assertThat(classpath.get(0)).hasContent("jar bytes");
    assertThat(old).doesNotExist();
    List<Path> folders = List.of(home.resolve("classes"), home.resolve("test-classes"));
    assertThat(DaemonJar.classpath(folders, stateDir)).isEqualTo(folders);
  }
}
