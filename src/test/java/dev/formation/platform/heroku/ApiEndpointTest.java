package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.platform.PlatformException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiEndpointTest {

  @Test
  void noSetting_isHerokuItself() throws Exception {
    ApiEndpoint e = ApiEndpoint.resolve(Map.of(), null);

    assertThat(e.api()).isEqualTo(URI.create("https://api.heroku.com"));
    assertThat(e.metrics()).isEqualTo(URI.create("https://api.metrics.heroku.com"));
    assertThat(e.netrcMachines()).containsExactly("api.heroku.com");
  }

  @Test
  void herokuHost_bareHost_becomesApiSubdomain() throws Exception {
    ApiEndpoint e = ApiEndpoint.resolve(Map.of("HEROKU_HOST", "staging.herokudev.com"), null);

    assertThat(e.api()).isEqualTo(URI.create("https://api.staging.herokudev.com"));
    assertThat(e.metrics()).isEqualTo(ApiEndpoint.DEFAULT_METRICS);
  }

  @Test
  void herokuHost_startingWithHttp_isTheUrlItself() throws Exception {
    ApiEndpoint e = ApiEndpoint.resolve(Map.of("HEROKU_HOST", "https://api.example.org/"), null);

    assertThat(e.api()).isEqualTo(URI.create("https://api.example.org"));
  }

  @Test
  void httpLoopback_isAllowedAndServesMetricsToo() throws Exception {
    ApiEndpoint e = ApiEndpoint.resolve(Map.of("HEROKU_HOST", "http://127.0.0.1:5999"), null);

    assertThat(e.api()).isEqualTo(URI.create("http://127.0.0.1:5999"));
    assertThat(e.metrics()).isEqualTo(e.api());
    assertThat(e.netrcMachines()).containsExactly("127.0.0.1:5999", "127.0.0.1");
  }

  @Test
  void apiUrlOverride_winsOverHerokuHost() throws Exception {
    ApiEndpoint e =
        ApiEndpoint.resolve(Map.of("HEROKU_HOST", "example.org"), "http://localhost:8080");

    assertThat(e.api()).isEqualTo(URI.create("http://localhost:8080"));
  }

  @Test
  void loopbackForms_areRecognisedFromTextAlone() {
    assertThat(ApiEndpoint.isLoopback("127.0.0.1")).isTrue();
    assertThat(ApiEndpoint.isLoopback("127.45.3.9")).isTrue();
    assertThat(ApiEndpoint.isLoopback("[::1]")).isTrue();
    assertThat(ApiEndpoint.isLoopback("LOCALHOST")).isTrue();
    assertThat(ApiEndpoint.isLoopback("127.0.0.1.example.com")).isFalse();
    assertThat(ApiEndpoint.isLoopback("128.0.0.1")).isFalse();
    assertThat(ApiEndpoint.isLoopback("localhost.example.com")).isFalse();
    assertThat(ApiEndpoint.isLoopback("127.0.0.256")).isFalse();
  }

  @Test
  void plainHttpToAnotherHost_isRefusedBeforeAnyConnection() {
    // .invalid never resolves (RFC 6761): a lookup or connection would fail differently
    assertThatThrownBy(() -> ApiEndpoint.resolve(Map.of(), "http://api.example.invalid:80"))
        .isInstanceOf(PlatformException.class)
        .hasMessage(
            "refusing to send the Heroku API token over plain http to api.example.invalid:"
                + " use an https URL (plain http is allowed only for 127.0.0.1, ::1 or localhost)");
  }

  @Test
  void plainHttpFromHerokuHost_isRefusedToo() {
    assertThatThrownBy(() -> ApiEndpoint.resolve(Map.of("HEROKU_HOST", "http://10.0.0.5"), null))
        .hasMessageStartingWith(
            "refusing to send the Heroku API token over plain http to 10.0.0.5");
  }

  @Test
  void otherSchemes_areRejected() {
    assertThatThrownBy(() -> ApiEndpoint.resolve(Map.of(), "ftp://127.0.0.1"))
        .hasMessage("the Heroku API URL must be https: ftp://127.0.0.1");
  }
}
