package dev.formation.plan;

import java.time.Instant;
import java.util.List;

/**
 * The drift of the checked apps.
 *
 * @param apps every app checked, in config order
 * @param checkedAt when the live state was compared, for "changed 3 h ago"
 * @param evaluatedAt the moment schedules were evaluated for, or {@code null} when no app has one
 */
public record DriftReport(
    List<String> apps, List<DriftItem> items, Instant checkedAt, Instant evaluatedAt) {
  public DriftReport {
    apps = List.copyOf(apps);
    items = List.copyOf(items);
  }

  public DriftReport(List<String> apps, List<DriftItem> items, Instant checkedAt) {
    this(apps, items, checkedAt, null);
  }

  public long unexpectedCount() {
    return items.stream().filter(DriftItem::unexpected).count();
  }

  public long expectedCount() {
    return items.size() - unexpectedCount();
  }

  public List<DriftItem> of(String app) {
    return items.stream().filter(i -> i.app().equals(app)).toList();
  }
}
