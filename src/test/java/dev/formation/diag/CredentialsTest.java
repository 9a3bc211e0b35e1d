package dev.formation.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CredentialsTest {

  @Test
  void mask_hidesThePasswordOfEveryUrl_andKeepsTheRest() {
    assertThat(Credentials.mask("a redis://:s3cret@h:6379/0 and postgres://u:pw@h/db"))
        .isEqualTo("a redis://:***@h:6379/0 and postgres://u:***@h/db");
    assertThat(Credentials.mask("`postgresql://h/db?user=u&password=pw`"))
        .isEqualTo("`postgresql://h/db?user=u&password=***`");
    assertThat(Credentials.mask("rediss://default:p%40ss@h")).isEqualTo("rediss://default:***@h");
  }

  @Test
  void mask_isIdempotent() {
    String once = Credentials.mask("x `postgres://u:pw@h/db?password=pw` y");
    assertThat(Credentials.mask(once)).isEqualTo(once);
  }

  @Test
  void present_onlyForAPassword() {
    assertThat(Credentials.present("redis://:pw@h")).isTrue();
    assertThat(Credentials.present("postgres://db/x?sslmode=require&password=pw")).isTrue();
    assertThat(Credentials.present("redis://h:6379/0")).isFalse();
    assertThat(Credentials.present("postgres://user@h/db")).isFalse();
    assertThat(Credentials.present("https://example.com/a:b")).isFalse();
    assertThat(Credentials.present("no url")).isFalse();
  }

  @Test
  void aDiagnostic_neverCarriesAPassword() {
    Diagnostic d =
        Diagnostic.error(Code.FM043, "see redis://:pw@h", null, "not postgres://u:pw@h either");
    assertThat(d.message()).isEqualTo("see redis://:***@h");
    assertThat(d.hint()).isEqualTo("not postgres://u:***@h either");
  }

  @Test
  void aQuotedSourceLine_isMasked() {
    Sources sources = new Sources();
    sources.put("f.yaml", "version: 1\nx-url: redis://:pw@h:6379\n");
    assertThat(sources.line("f.yaml", 2)).isEqualTo("x-url: redis://:***@h:6379");
  }

  /** Quadratic matching of 1.2 million characters would take minutes. */
  @Test
  @Timeout(20)
  void aHostileText_costsOnePass() {
    String letters = "a".repeat(400_000);
    String text = letters + "://" + letters + ":" + letters + " redis://:pw@h";

    assertThat(Credentials.mask(text)).endsWith(" redis://:***@h");
    assertThat(Credentials.present(letters + "://" + letters)).isFalse();
  }

  @Test
  void notAUrl_orNoPassword_isLeftAsItIs() {
    assertThat(Credentials.mask("ratio 3://4 and a:b@c")).isEqualTo("ratio 3://4 and a:b@c");
    assertThat(Credentials.mask("redis://host:6379/0?db=1")).isEqualTo("redis://host:6379/0?db=1");
  }
}
