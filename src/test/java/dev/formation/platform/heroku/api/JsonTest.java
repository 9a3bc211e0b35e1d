package dev.formation.platform.heroku.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The adapter's streaming JSON: Heroku's shapes in, the update bodies out. */
class JsonTest {
  static final String WEB =
      """
      {"app":{"id":"01234567-89ab-cdef-0123-456789abcdef","name":"shop"},"command":"npm start",
       "created_at":"2012-01-01T12:00:00Z","dyno_size":{"id":"e0b8","name":"Performance-M"},
       "id":"f0b4","quantity":2,"size":"Performance-M","type":"web",
       "updated_at":"2012-01-01T12:00:00Z","extra":{"nested":[1,{"x":null}]}}""";

  @Test
  void formations_readsEveryFieldAndSkipsUnknownOnes() {
    List<FormationJson> list = Json.formations("[" + WEB + "]");

    assertThat(list)
        .containsExactly(
            new FormationJson(
                new NamedRef("01234567-89ab-cdef-0123-456789abcdef", "shop"),
                "npm start",
                new NamedRef("e0b8", "Performance-M"),
                "f0b4",
                2,
                "Performance-M",
                "web",
                "2012-01-01T12:00:00Z"));
  }

  @Test
  void formations_keepNullsForTheChecksThatFollow() {
    assertThat(Json.formations("null")).isNull();
    assertThat(Json.formations("[null]")).containsExactly((FormationJson) null);
    assertThat(Json.formations("[{\"type\":\"web\",\"quantity\":null,\"dyno_size\":null}]"))
        .containsExactly(new FormationJson(null, null, null, null, null, null, "web", null));
    assertThat(Json.formations("[]")).isEmpty();
  }

  @Test
  void wrongTypes_makeTheAnswerUnexpected() {
    for (String body :
        List.of(
            "[{\"quantity\":\"2\"}]",
            "[{\"quantity\":2.5}]",
            "[{\"quantity\":1e10}]",
            "[{\"quantity\":3000000000}]",
            "[{\"quantity\":true}]",
            "[{\"type\":5}]",
            "[{\"dyno_size\":\"Standard-1X\"}]",
            "[{\"app\":[]}]",
            "{\"type\":\"web\"}",
            "[\"web\"]",
            "[{\"type\":\"web\"}",
            "",
            "   ",
            "<html>")) {
      assertThatThrownBy(() -> Json.formations(body))
          .as(body)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void wholeNumbersWrittenWithAPoint_areTheNumbersTheyAre() {
    assertThat(Json.formations("[{\"type\":\"web\",\"quantity\":2.0}]").get(0).quantity())
        .isEqualTo(2);
    assertThat(Json.monitors("[{\"value\":800.0,\"min_quantity\":1e0}]").get(0))
        .extracting(MonitorJson::value, MonitorJson::minQuantity)
        .containsExactly(800, 1);
  }

  @Test
  void monitors_readTheScaleMonitor() {
    String body =
        """
        [{"id":"m1","name":"LATENCY_SCALE","action_type":"scale","is_active":true,
          "op":"GREATER_OR_EQUAL","period":1,"value":800,"min_quantity":2,"max_quantity":6,
          "notification_channels":["app"],"notification_period":1440,"forecast_period":null}]""";

    assertThat(Json.monitors(body))
        .containsExactly(
            new MonitorJson(
                "m1",
                "LATENCY_SCALE",
                "scale",
                true,
                "GREATER_OR_EQUAL",
                1,
                800,
                2,
                6,
                List.of("app"),
                1440));
    assertThat(Json.monitors(body).get(0).isScaleMonitor()).isTrue();
    assertThatThrownBy(() -> Json.monitors("[{\"is_active\":\"yes\"}]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.monitors("[{\"notification_channels\":[1]}]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appAndError_readTheirFields() {
    assertThat(Json.app("{\"id\":\"a1\",\"name\":\"shop\",\"generation\":{\"name\":\"fir\"}}"))
        .isEqualTo(new AppJson("a1", "shop", new NamedRef(null, "fir")));
    assertThat(Json.error("{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}"))
        .isEqualTo(new ErrorJson("not_found", "Couldn't find that app.", null));
    assertThat(Json.app("null")).isNull();
  }

  @Test
  void writes_leaveOutNullFields_andReadAsTheSameJsonAsDataBindingWrote() {
    String batch =
        Json.write(
            new BatchUpdateJson(
                List.of(
                    new BatchUpdateJson.Update("web", 3, NamedRef.named("Standard-2X")),
                    new BatchUpdateJson.Update("worker", null, NamedRef.named("Standard-1X")),
                    new BatchUpdateJson.Update("clock", 0, null))));

    assertThat(tree(batch))
        .isEqualTo(
            tree(
                """
                {"updates":[{"type":"web","quantity":3,"dyno_size":{"name":"Standard-2X"}},
                 {"type":"worker","dyno_size":{"name":"Standard-1X"}},
                 {"type":"clock","quantity":0}]}"""));
    assertThat(tree(Json.write(MonitorJson.scale(2, 6, 800, true))))
        .isEqualTo(
            tree(
                """
                {"name":"LATENCY_SCALE","action_type":"scale","is_active":true,
                 "op":"GREATER_OR_EQUAL","period":1,"value":800,"min_quantity":2,"max_quantity":6,
                 "notification_channels":["app"],"notification_period":1440}"""));
    assertThat(tree(Json.write(MonitorJson.disable())))
        .isEqualTo(tree("{\"is_active\":false,\"op\":\"GREATER_OR_EQUAL\",\"period\":1}"));
  }

  @Test
  void writtenText_isEscaped() {
    String body =
        Json.write(new BatchUpdateJson(List.of(new BatchUpdateJson.Update("we\"b\n", 1, null))));

    assertThat(tree(body).get("updates").get(0).get("type").asString()).isEqualTo("we\"b\n");
  }

  private static JsonNode tree(String json) {
    return JsonMapper.shared().readTree(json);
  }
}
