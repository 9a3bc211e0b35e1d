package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetrcTest {

  @Test
  void machinePerLine_givesEachItsPassword() {
    Netrc n =
        Netrc.parse(
            """
            machine api.heroku.com
              login me@example.com
              password secret-api
            machine git.heroku.com
              login me@example.com
              password secret-git
            """);

    assertThat(n.password("api.heroku.com")).contains("secret-api");
    assertThat(n.password("git.heroku.com")).contains("secret-git");
    assertThat(n.password("other.example.com")).isEmpty();
  }

  @Test
  void severalMachinesOnOneLine_areSeparated() {
    Netrc n =
        Netrc.parse(
            "machine a.example login x password pa machine api.heroku.com login y "
                + "password ph\n");

    assertThat(n.password("a.example")).contains("pa");
    assertThat(n.password("API.HEROKU.COM")).contains("ph");
  }

  @Test
  void default_appliesToUnlistedMachinesOnly() {
    Netrc n =
        Netrc.parse("machine api.heroku.com password own\ndefault login anon password fallback");

    assertThat(n.password("api.heroku.com")).contains("own");
    assertThat(n.password("elsewhere")).contains("fallback");
    assertThat(n.hasMachine("elsewhere")).isFalse();
  }

  @Test
  void macroBodiesCommentsAndQuotes_areHandled() {
    Netrc n =
        Netrc.parse(
            """
            # a comment line with machine fake password wrong
            macdef init
            machine inside password not-a-password

            machine 127.0.0.1:5000 login me password "with space"
            machine api.heroku.com password abc#def
            """);

    assertThat(n.hasMachine("inside")).isFalse();
    assertThat(n.hasMachine("fake")).isFalse();
    assertThat(n.password("127.0.0.1:5000")).contains("with space");
    assertThat(n.password("api.heroku.com")).contains("abc#def");
  }

  @Test
  void firstEntryForAMachine_wins() {
    Netrc n = Netrc.parse("machine h password first\nmachine h password second\n");

    assertThat(n.password("h")).contains("first");
  }
}
