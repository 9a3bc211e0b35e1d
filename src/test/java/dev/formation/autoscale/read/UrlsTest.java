package dev.formation.autoscale.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {
  @Test
  void aUrlsPassword_isMasked() {
    assertThat(Urls.masked("redis://:p4ss@host:6379/0")).isEqualTo("redis://:****@host:6379/0");
    assertThat(Urls.masked("postgres://u:p%40ss@db.example:5432/x"))
        .isEqualTo("postgres://u:****@db.example:5432/x");
    assertThat(Urls.masked("redis://host:6379")).isEqualTo("redis://host:6379");
  }

  @Test
  void aPassword_isMaskedWhereverAMessageQuotesIt_encodedOrNot() {
    assertThat(Urls.mask("auth p@ss failed for p%40ss", "p%40ss"))
        .isEqualTo("auth **** failed for ****");
    assertThat(Urls.mask("see redis://u:x@y@h:1", null)).isEqualTo("see redis://u:****@h:1");
  }
}
