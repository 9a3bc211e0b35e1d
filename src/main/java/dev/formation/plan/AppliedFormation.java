package dev.formation.plan;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an app holds once its plan is applied: per live process type, its size, its count and its
 * autoscale band. An apply records it in git, and the scale-down guardrail measures a later plan
 * against it, so that undoing a hand change is not taken for a scale-down.
 *
 * @param at when the apply that left it was made
 * @param types in the order the platform lists them
 */
public record AppliedFormation(String app, Instant at, List<Type> types) {

  /**
   * One process type as an apply left it.
   *
   * @param min the autoscale band's lower end, or {@code null} when no autoscaler owns the count
   * @param max the band's upper end, or {@code null} likewise
   */
  public record Type(String type, String size, int quantity, Integer min, Integer max) {
    public Type {
      if ((min == null) != (max == null)) {
        throw new IllegalArgumentException("a band has both ends: " + type);
      }
    }

    /** The dynos the type may run: its count, or its band's {@code max}. */
    public int dynos() {
      return max != null ? max : quantity;
    }
  }

  public AppliedFormation {
    types = List.copyOf(types);
  }

  /** What {@code plan} leaves the app with once applied; {@code null} when it was not read. */
  public static AppliedFormation of(AppPlan plan, Instant at) {
    LiveApp live = plan.live();
    if (live == null) {
      return null;
    }
    boolean monitorOn = live.monitor() != null && live.monitor().active();
    List<Type> types = new ArrayList<>();
    for (LiveProcess p : live.processes()) {
      String size = p.size();
      int quantity = p.quantity();
      AutoscaleRule band =
          monitorOn && p.type().equals(AppPlanner.WEB) ? AutoscaleRule.of(live.monitor()) : null;
      for (Change c : plan.changes()) {
        if (!p.type().equals(c.type())) {
          continue;
        }
        if (c instanceof ProcessChange pc) {
          quantity = pc.toQuantity();
          size = pc.toSize() == null ? size : pc.toSize();
        } else if (c instanceof MonitorChange m) {
          band = m.to();
        }
      }
      types.add(
          new Type(
              p.type(),
              size,
              quantity,
              band == null ? null : band.min(),
              band == null ? null : band.max()));
    }
    return new AppliedFormation(plan.app(), at, types);
  }

  /** The dynos {@code type} was left with, or {@code null} when the record does not name it. */
  public Integer dynos(String type) {
    for (Type t : types) {
      if (t.type().equals(type)) {
        return t.dynos();
      }
    }
    return null;
  }
}
