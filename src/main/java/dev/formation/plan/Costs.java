package dev.formation.plan;

import dev.formation.catalog.Size;
import dev.formation.config.AppSpec;
import dev.formation.config.ProcessSpec;

/**
 * The monthly-cost rules shared by the planner and {@code formation diff}: quantity × list price,
 * eco at $0 a dyno (the account's pool is paid once), autoscaled types as the band's min–max.
 */
public final class Costs {
  private Costs() {}

  /** What one desired process type costs a month. */
  public static CostRange of(ProcessSpec desired) {
    if (desired.autoscaled()) {
      return band(
          desired.size().usdPerMonth(), desired.autoscale().min(), desired.autoscale().max());
    }
    return CostRange.fixed((long) desired.quantity() * desired.size().usdPerMonth());
  }

  /**
   * What one desired process type of {@code app} costs a month: a Kubernetes app at its configured
   * prices (none configured: $0, its cost is in requested CPU and memory instead).
   */
  public static CostRange of(AppSpec app, ProcessSpec desired) {
    if (app.kubernetes() == null) {
      return of(desired);
    }
    long price = app.kubernetes().price(desired.size().name()).orElse(0L);
    if (desired.autoscaled()) {
      return band(price, desired.autoscale().min(), desired.autoscale().max());
    }
    return CostRange.fixed(desired.quantity() * price);
  }

  /** What every process type of one desired app costs a month. */
  public static CostRange of(AppSpec app) {
    return app.processes().stream().map(p -> of(app, p)).reduce(CostRange.ZERO, CostRange::plus);
  }

  /** {@code count} dynos at {@code size}. */
  public static CostRange of(Size size, int count) {
    return CostRange.fixed((long) count * size.usdPerMonth());
  }

  /** An autoscaler's band at one dyno price. */
  public static CostRange band(long usdPerDyno, int min, int max) {
    return new CostRange(min * usdPerDyno, max * usdPerDyno);
  }
}
