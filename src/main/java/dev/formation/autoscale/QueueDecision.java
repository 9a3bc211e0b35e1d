package dev.formation.autoscale;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The queue rule as one pure function, shared by the Heroku controller ({@code formation
 * autoscale}) and the local daemon: backlog samples, the current count, the rule and its band, and
 * the moment in; the desired count out. The count the latest backlog needs is {@code ceil(backlog /
 * per_dyno)} within {@code min..max}; a higher count is taken at once; a lower one only when every
 * sample of the last {@code scale_down_after} allowed it and the samples reach back that far, and
 * then the highest count those samples needed. A count outside the band is brought into it at once.
 * No clock, no queue, no platform: time and backlog are inputs.
 */
public final class QueueDecision {
  private QueueDecision() {}

  /**
   * The band of a rule: the min and max the type is kept within (a schedule window may replace the
   * autoscale block's own).
   */
  public record Band(int min, int max) {
    public Band {
      if (min < 0 || max < min) {
        throw new IllegalArgumentException("invalid band " + min + ".." + max);
      }
    }

    int clamp(long count) {
      return (int) Math.max(min, Math.min(max, count));
    }
  }

  /** The count a backlog needs at {@code perDyno} jobs per dyno, kept within the band. */
  public static int needed(long backlog, int perDyno, Band band) {
    long dynos = backlog / perDyno + (backlog % perDyno == 0 ? 0 : 1);
    return band.clamp(dynos);
  }

  /**
   * Decides the count of one type.
   *
   * @param samples the successful readings so far, in any order; those after {@code now} are
   *     ignored
   * @param current the type's count now
   */
  public static Decision decide(
      List<Sample> samples, int current, QueueRule rule, Band band, Instant now) {
    List<Sample> seen =
        samples.stream()
            .filter(s -> !s.at().isAfter(now))
            .sorted(Comparator.comparing(Sample::at))
            .toList();
    if (seen.isEmpty()) {
      int kept = band.clamp(current);
      return new Decision(
          kept, kept, kept == current ? "no backlog reading yet" : outside(current, band));
    }
    Sample latest = seen.get(seen.size() - 1);
    int needed = needed(latest.backlog(), rule.perDyno(), band);
    String need =
        "backlog " + latest.backlog() + " needs " + needed + " at " + rule.perDyno() + " per dyno";
    if (current < band.min() || needed >= current) {
      String why = needed > current ? need : need + ", the count it has";
      return new Decision(Math.max(needed, band.clamp(current)), needed, why);
    }
    Duration after = rule.scaleDownAfter();
    Instant from = now.minus(after);
    List<Sample> window = seen.stream().filter(s -> !s.at().isBefore(from)).toList();
    boolean covered = !seen.get(0).at().isAfter(from) && !window.isEmpty();
    if (!covered) {
      int kept = band.clamp(current);
      return new Decision(
          kept,
          needed,
          kept < current
              ? need + "; " + outside(current, band)
              : need + ", but not yet for " + words(after));
    }
    long highest = window.stream().mapToLong(Sample::backlog).max().orElseThrow();
    int allowed = Math.min(band.clamp(current), needed(highest, rule.perDyno(), band));
    if (allowed >= current) {
      return new Decision(
          current, needed, need + ", but the last " + words(after) + " needed " + current);
    }
    return new Decision(
        allowed, needed, need + "; the last " + words(after) + " needed at most " + allowed);
  }

  /**
   * The samples worth keeping for later decisions: those of the last {@code scale_down_after}, and
   * the newest one before them (which shows that the samples reach back that far).
   */
  public static List<Sample> retained(List<Sample> samples, QueueRule rule, Instant now) {
    Instant from = now.minus(rule.scaleDownAfter());
    Instant edge =
        samples.stream()
            .map(Sample::at)
            .filter(at -> !at.isAfter(from))
            .max(Comparator.naturalOrder())
            .orElse(from);
    return samples.stream()
        .filter(s -> !s.at().isBefore(edge))
        .sorted(Comparator.comparing(Sample::at))
        .toList();
  }

  private static String outside(int current, Band band) {
    return current + " is outside min " + band.min() + " .. max " + band.max();
  }

  /** A duration as the file writes it: {@code 5m}, {@code 30s}, {@code 1h30m}. */
  public static String words(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long h = d.toHours();
    int m = d.toMinutesPart();
    int s = d.toSecondsPart();
    if (h > 0) {
      text.append(h).append('h');
    }
    if (m > 0) {
      text.append(m).append('m');
    }
    if (s > 0 || text.length() == 0) {
      text.append(s).append('s');
    }
    return text.toString();
  }
}
