package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.platform.PlatformException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerokuConfigTest {
  @TempDir Path home;

  @Test
  void herokuApiKey_winsOverNetrc() throws Exception {
    Files.writeString(home.resolve(".netrc"), "machine api.heroku.com password from-netrc\n");

    HerokuConfig c =
        HerokuConfig.fromEnvironment(Map.of("HEROKU_API_KEY", " from-env \n"), home, null, "1.0");

    assertThat(c.token().reveal()).isEqualTo("from-env");
  }

  @Test
  void netrc_machineIsTheApiHost() throws Exception {
    Files.writeString(
        home.resolve(".netrc"),
        "machine git.heroku.com password git-token\nmachine api.heroku.com password api-token\n");

    HerokuConfig c = HerokuConfig.fromEnvironment(Map.of(), home, null, "1.0");

    assertThat(c.token().reveal()).isEqualTo("api-token");
  }

  @Test
  void netrc_customApiUrl_usesHostAndPortThenHost() throws Exception {
    Files.writeString(
        home.resolve(".netrc"),
        "machine 127.0.0.1 password host-only\nmachine 127.0.0.1:7000 password with-port\n");

    assertThat(
            HerokuConfig.fromEnvironment(Map.of(), home, "http://127.0.0.1:7000", "1")
                .token()
                .reveal())
        .isEqualTo("with-port");
    assertThat(
            HerokuConfig.fromEnvironment(Map.of(), home, "http://127.0.0.1:7001", "1")
                .token()
                .reveal())
        .isEqualTo("host-only");
  }

  @Test
  void netrc_defaultEntry_isUsedWhenNoMachineMatches() throws Exception {
    Files.writeString(home.resolve(".netrc"), "default password anything\n");

    assertThat(HerokuConfig.fromEnvironment(Map.of(), home, null, "1").token().reveal())
        .isEqualTo("anything");
  }

  @Test
  void plainHttpToARemoteHost_isRefusedBeforeTheTokenIsUsed() {
    assertThatThrownBy(
            () ->
                HerokuConfig.fromEnvironment(
                    Map.of(
                        "HEROKU_API_KEY",
                        "sekrit-123",
                        "HEROKU_HOST",
                        "http://api.example.invalid"),
                    home,
                    null,
                    "1"))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith("refusing to send the Heroku API token over plain http")
        .hasMessageNotContaining("sekrit-123");
  }

  @Test
  void noToken_tellsHowToGetOne() {
    assertThatThrownBy(() -> HerokuConfig.fromEnvironment(Map.of(), home, null, "1"))
        .isInstanceOf(PlatformException.class)
        .hasMessage(
            "no Heroku API token for api.heroku.com: set HEROKU_API_KEY or run "
                + "`heroku login`");
  }

  @Test
  void tokenWithControlCharacters_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                HerokuConfig.fromEnvironment(
                    Map.of("HEROKU_API_KEY", "abc\r\nX-Evil: 1"), home, null, "1"))
        .isInstanceOf(PlatformException.class)
        .hasMessage("the Heroku API token contains invalid characters");
  }

  @Test
  void tokenShorterThanEightCharacters_isRefusedAsACredential() {
    for (String shortOne : new String[] {"x", "heroku", "1234567"}) {
      assertThatThrownBy(
              () ->
                  HerokuConfig.fromEnvironment(Map.of("HEROKU_API_KEY", shortOne), home, null, "1"))
          .isInstanceOf(PlatformException.class)
          .hasMessageStartingWith(
              "the Heroku API token is only " + shortOne.length() + " character")
          .hasMessageContaining("heroku auth:token");
    }
  }

  @Test
  void shortTokenInNetrc_isRefusedToo() throws Exception {
    java.nio.file.Files.writeString(
        home.resolve(".netrc"), "machine api.heroku.com\n  login me\n  password abc\n");

    assertThatThrownBy(() -> HerokuConfig.fromEnvironment(Map.of(), home, null, "1"))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith("the Heroku API token is only 3 characters long")
        .hasMessageNotContaining("abc");
  }

  @Test
  void toString_neverShowsTheToken() throws Exception {
    HerokuConfig c =
        HerokuConfig.fromEnvironment(Map.of("HEROKU_API_KEY", "sekrit-123"), home, null, "1");

    assertThat(c.toString()).doesNotContain("sekrit-123").contains("token=[REDACTED]");
    assertThat(String.format("%s", c.token())).isEqualTo("[REDACTED]");
  }
}
