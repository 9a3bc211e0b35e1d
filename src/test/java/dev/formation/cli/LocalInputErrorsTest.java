package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user gives the local commands and they cannot use (a name that is no app name, a port
 * out of range) is an FM150 diagnostic, caught as exactly that, never as a broken invariant.
 */
class LocalInputErrorsTest {
  @TempDir Path home;
  private Map<String, String> env;

  @BeforeEach
  void env() {
    env = new HashMap<>(System.getenv());
    env.put("FORMATION_HOME", home.toString());
    env.remove("FORMATION_LOCAL_PORT");
  }

  private CliRunner.Result local(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "local";
    System.arraycopy(args, 0, full, 1, args.length);
    return CliRunner.in(home, env, Environment.Terminal.NONE).exec(full);
  }

  @Test
  void forget_aNameThatIsNoAppName_isFm150_notABug() {
    CliRunner.Result r = local("forget", "Not_An_App");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error[FM150]: cannot forget Not_An_App: not an app name: Not_An_App")
        .doesNotContain("bug");
  }

  @Test
  void logs_ofANameThatIsNoAppName_isFm150_notABug() {
    CliRunner.Result r = local("logs", "../etc");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("error[FM150]: not an app name: ../etc").doesNotContain("bug");
  }

  @Test
  void start_withAPortVariableOutOfRange_isFm150_andStartsNothing() {
    env.put("FORMATION_LOCAL_PORT", "70000");

    CliRunner.Result r = local("start");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error[FM150]: ")
        .contains("FORMATION_LOCAL_PORT must be a port number, not 70000")
        .doesNotContain("bug");
  }
}
