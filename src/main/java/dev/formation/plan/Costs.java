package dev.formation.plan;

import dev.formation.catalog.Size;
import dev.formation.config.AppSpec;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import dev.formation.plan.schedule.Windows;

/**
 * The monthly-cost rules shared by the planner and {@code formation diff}: quantity × list price,
 * eco at $0 a dyno (the account's pool is paid once), autoscaled types as the band's min–max.
 *
 * <p>A scheduled type's estimate ({@link #weighted}) weighs each window by the share of the week it
 * is in force: list prices are per month of 730 hours, a window in force {@code h} hours a week
 * counts for {@code h / 168} of the month at its own count, the type's own count for the rest.
 * Hours are wall-clock hours, as windows are written, so a week with a daylight-saving change is
 * not special. Each type's estimate is rounded to whole dollars, half up.
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
   * What one desired process type of {@code app} costs a month: at the prices of its platform
   * settings where they own its prices (none configured: $0, its cost is in requested CPU and
   * memory instead).
   */
  public static CostRange of(AppSpec app, ProcessSpec desired) {
    if (app.settings() == null || !app.settings().ownsPrices()) {
      return of(desired);
    }
    long price = app.settings().price(desired.size().name()).orElse(0L);
    if (desired.autoscaled()) {
      return band(price, desired.autoscale().min(), desired.autoscale().max());
    }
    return CostRange.fixed(desired.quantity() * price);
  }

  /** What every process type of one desired app costs a month. */
  public static CostRange of(AppSpec app) {
    return app.processes().stream().map(p -> of(app, p)).reduce(CostRange.ZERO, CostRange::plus);
  }

  /**
   * What one desired process type costs a month with its schedule: each window weighted by the
   * share of the week it is in force; {@link #of(ProcessSpec)} for a type without one.
   */
  public static CostRange weighted(ProcessSpec desired) {
    return weighted(null, desired);
  }

  /**
   * As {@link #weighted(ProcessSpec)}, at the app's own prices (its platform settings' prices);
   * {@code app} may be {@code null} for list prices.
   */
  public static CostRange weighted(AppSpec app, ProcessSpec desired) {
    if (!desired.scheduled()) {
      return price(app, desired);
    }
    long baseMinutes = WindowSpec.WEEK;
    CostRange base = price(app, desired);
    long min = 0;
    long max = 0;
    for (WindowSpec w : desired.schedule()) {
      CostRange inside = price(app, Windows.effective(desired, w));
      min += inside.minUsd() * w.weeklyMinutes();
      max += inside.maxUsd() * w.weeklyMinutes();
      baseMinutes -= w.weeklyMinutes();
    }
    min += base.minUsd() * baseMinutes;
    max += base.maxUsd() * baseMinutes;
    return new CostRange(rounded(min), rounded(max));
  }

  /** What an app's types cost a month with their schedules ({@link #weighted} each). */
  public static CostRange weighted(AppSpec app) {
    return app.processes().stream()
        .map(p -> weighted(app, p))
        .reduce(CostRange.ZERO, CostRange::plus);
  }

  private static CostRange price(AppSpec app, ProcessSpec desired) {
    return app == null ? of(desired) : of(app, desired);
  }

  /** Dollar-minutes of a week as whole dollars a month, half up. */
  private static long rounded(long usdMinutes) {
    return Math.floorDiv(2 * usdMinutes + WindowSpec.WEEK, 2L * WindowSpec.WEEK);
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
