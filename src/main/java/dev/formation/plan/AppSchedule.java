package dev.formation.plan;

import java.util.List;

/**
 * The schedule side of an app's plan: what is in force for each scheduled type at the moment the
 * plan was made for, and the app's monthly estimate with every window weighted by the hours it is
 * in force ({@link Costs#weighted}).
 *
 * @param types one entry per scheduled process type, in config order
 * @param weighted the monthly estimate of the config with its schedules, unmanaged types included
 */
public record AppSchedule(List<TypeWindow> types, CostRange weighted) {
  public AppSchedule {
    types = List.copyOf(types);
    if (weighted == null) {
      throw new IllegalArgumentException("a schedule needs its weighted estimate");
    }
  }
}
