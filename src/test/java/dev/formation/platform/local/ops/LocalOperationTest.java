package dev.formation.platform.local.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.ops.Host;
import dev.formation.ops.Listener;
import dev.formation.platform.local.state.LogPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code local} operations with no daemon running: what they return and the diagnostics they
 * carry, without a command around them.
 */
class LocalOperationTest {
  @TempDir Path home;
  final List<Duration> slept = new ArrayList<>();

  private LocalOperation operation(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.put("FORMATION_HOME", home.toString());
    return new LocalOperation(new Host(env, home, Listener.NONE), slept::add);
  }

  private LocalOperation operation() {
    return operation(Map.of());
  }

  private static List<String> codes(List<Diagnostic> found) {
    return found.stream().map(d -> d.code().name() + ": " + d.message()).toList();
  }

  @Test
  void status_whenStopped_isTheStoppedDocument() {
    LocalOperation.Status status = operation().status();

    assertThat(status.diagnostics().isEmpty()).isTrue();
    assertThat(status.json())
        .contains("\"url\" : null")
        .contains("\"running\" : false")
        .contains(home.resolve("local/token").toString());
  }

  @Test
  void aBadTimingVariable_isOneFM150_namingIt() {
    LocalOperation.Status status = operation(Map.of("FORMATION_LOCAL_GRACE", "soon")).status();

    assertThat(status.json()).isNull();
    assertThat(codes(status.diagnostics().sorted()))
        .containsExactly("FM150: FORMATION_LOCAL_GRACE must be a number of seconds, not soon");
  }

  @Test
  void logs_ofAStoppedPlatform_areTheFilesItLeft_andFollowingEndsAtOnce() throws Exception {
    Path logs = Files.createDirectories(home.resolve("local/logs"));
    Files.writeString(logs.resolve("demo.log"), "one\ntwo\n");
    Files.writeString(logs.resolve("shop.log"), "three\n");
    List<LogPage> pages = new ArrayList<>();

    LocalOperation.Logs done = operation().logs(null, 1, true, pages::add);

    assertThat(done.diagnostics().isEmpty()).isTrue();
    assertThat(pages)
        .containsExactly(
            new LogPage("demo", List.of("two"), 8), new LogPage("shop", List.of("three"), 6));
    // one look: no daemon holds the state folder, so nothing more can come
    assertThat(slept).hasSize(1);
  }

  @Test
  void logs_ofAnAppWithNone_isFM151_andABadNameOrCountFM150() {
    assertThat(codes(operation().logs("nope", 10, false, p -> {}).diagnostics().sorted()))
        .containsExactly("FM151: no logs for app nope");
    assertThat(codes(operation().logs("Bad_Name", 10, false, p -> {}).diagnostics().sorted()))
        .containsExactly("FM150: not an app name: Bad_Name");
    assertThat(codes(operation().logs(null, -1, false, p -> {}).diagnostics().sorted()))
        .containsExactly("FM150: --lines must be 0 or more, not -1");
  }

  @Test
  void forget_ofAStoppedPlatform_removesTheAppsFiles_orSaysThereIsNoSuchApp() throws Exception {
    Files.createDirectories(home.resolve("local/apps"));
    Files.writeString(home.resolve("local/apps/demo.json"), "{}");

    LocalOperation.Forgot forgot = operation().forget("demo");
    LocalOperation.Forgot again = operation().forget("demo");

    assertThat(forgot.forgotten()).isTrue();
    assertThat(home.resolve("local/apps/demo.json")).doesNotExist();
    assertThat(again.forgotten()).isFalse();
    assertThat(again.diagnostics().sorted().get(0).code()).isEqualTo(Code.FM151);
  }

  @Test
  void stop_andReset_ofAStoppedPlatform() throws Exception {
    Files.createDirectories(home.resolve("local/logs"));

    LocalOperation.Stopped stopped = operation().stop();
    LocalOperation.Reset reset = operation().reset();

    assertThat(stopped.stopped().daemon()).isFalse();
    assertThat(stopped.stopped().leftoverDynos()).isZero();
    assertThat(reset.diagnostics().isEmpty()).isTrue();
    assertThat(reset.stateDir()).isEqualTo(home.resolve("local"));
    assertThat(home.resolve("local")).doesNotExist();
  }
}
