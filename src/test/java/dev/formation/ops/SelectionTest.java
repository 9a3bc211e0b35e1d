package dev.formation.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.AppSpec;
import dev.formation.config.ConfigLoader;
import dev.formation.config.Formation;
import dev.formation.config.SourceText;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.Diagnostics;
import dev.formation.plan.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static final Formation CONFIG =
      ConfigLoader.standard()
          .loadTexts(
              List.of(
                  new SourceText(
                      "formation.yaml",
                      """
              version: 1
              apps:
                shop:
                  processes:
                    web: {size: standard-1x, quantity: 1}
                    worker: {size: standard-1x, quantity: 1}
                blog:
                  processes:
                    web: {size: basic, quantity: 1}
              """,
                      null)))
          .formationOrNull();

  private final Diagnostics diagnostics = new Diagnostics();

  private static List<String> names(Formation f) {
    return f.apps().stream().map(AppSpec::name).toList();
  }

  @Test
  void appAndTarget_selectTheUnionInConfigOrder_andTheAppIsAWholeTarget() {
    Selection s = new Selection(List.of("blog"), List.of("shop.worker"));

    assertThat(names(s.select(CONFIG, diagnostics))).containsExactly("shop", "blog");
    assertThat(s.narrowing(CONFIG))
        .containsExactly(new Target("blog", null), new Target("shop", "worker"));
    assertThat(diagnostics.isEmpty()).isTrue();
  }

  @Test
  void appAlone_narrowsNothing_asBefore() {
    Selection s = new Selection(List.of("blog"));

    assertThat(names(s.select(CONFIG, diagnostics))).containsExactly("blog");
    assertThat(s.narrowing(CONFIG)).isEmpty();
  }

  @Test
  void unknownAppAndType_areEachAnFM181_andSelectNothing() {
    Selection s = new Selection(List.of(), List.of("shopp", "shop.wrker", "blog.worker"));

    assertThat(s.select(CONFIG, diagnostics)).isNull();
    assertThat(diagnostics.sorted())
        .extracting(d -> d.code().name() + " " + d.message() + " / " + d.hint())
        .containsExactlyInAnyOrder(
            "FM181 --target shopp: no app shopp in the config / did you mean `shop`?",
            "FM181 --target shop.wrker: shop has no process type wrker / did you mean `worker`?",
            "FM181 --target blog.worker: blog has no process type worker / blog defines: web");
    assertThat(diagnostics.sorted()).allMatch(Diagnostic::isError);
  }
}
