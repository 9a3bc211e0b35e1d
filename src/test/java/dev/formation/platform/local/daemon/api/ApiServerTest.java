package dev.formation.platform.local.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiServerTest {
  @Test
  void accept_takesVersion3AndItsVariants_only() {
    assertThat(ApiServer.acceptable("application/vnd.heroku+json; version=3")).isTrue();
    assertThat(ApiServer.acceptable("application/vnd.heroku+json; version=3.sdk")).isTrue();
    assertThat(ApiServer.acceptable("application/vnd.heroku+json; version=2")).isFalse();
    assertThat(ApiServer.acceptable("application/json")).isFalse();
    assertThat(ApiServer.acceptable(null)).isFalse();
  }
}
