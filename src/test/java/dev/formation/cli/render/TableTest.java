package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void render_padsColumnsToTheWidestCell_rightAligningNumbers_withoutTrailingSpaces() {
    Table table = new Table(List.of("NAME", "N", "NOTE"), List.of(false, true, false));
    table.row("a", "100", "").row("longer", "7", "x");

    assertThat(table.render())
        .isEqualTo("NAME      N  NOTE\n" + "a       100\n" + "longer    7  x\n");
  }

  @Test
  void row_withWrongNumberOfCells_isRefused() {
    Table table = new Table(List.of("A", "B"), List.of(false, false));

    assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class);
  }
}
