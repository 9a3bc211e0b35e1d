package dev.formation.config;

import dev.formation.catalog.Size;
import dev.formation.diag.SourceRange;
import java.util.List;

/**
 * The desired state of one process type.
 *
 * @param size the catalogue size (already normalised from whatever case the file used)
 * @param quantity the count, or {@code null} when autoscale owns it and no start is given
 * @param autoscale the autoscale rule, or {@code null}
 * @param at where the process type is declared
 * @param schedule the windows whose quantity or autoscale replaces these at their times, in file
 *     order; empty for a type without a schedule
 */
public record ProcessSpec(
    String type,
    Size size,
    Integer quantity,
    AutoscaleSpec autoscale,
    SourceRange at,
    List<WindowSpec> schedule) {
  public ProcessSpec {
    if (type == null || size == null) {
      throw new IllegalArgumentException("a process needs a type and a size");
    }
    if (quantity == null && autoscale == null) {
      throw new IllegalArgumentException("process " + type + " needs a quantity or autoscale");
    }
    schedule = schedule == null ? List.of() : List.copyOf(schedule);
  }

  /** A process type without a schedule. */
  public ProcessSpec(
      String type, Size size, Integer quantity, AutoscaleSpec autoscale, SourceRange at) {
    this(type, size, quantity, autoscale, at, List.of());
  }

  public boolean autoscaled() {
    return autoscale != null;
  }

  public boolean scheduled() {
    return !schedule.isEmpty();
  }
}
