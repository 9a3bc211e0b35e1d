package dev.formation.plan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Window evaluation as tables: a window, a zone, a moment, and what is in force then. Moments are
 * instants (UTC) so that every row says exactly which instant it means around a DST change.
 */
class WindowsTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** A window from its days (as the file writes them) and times ({@code 24:00} allowed). */
  static WindowSpec window(String name, String days, String from, String to) {
    return new WindowSpec(name, days(days), days, minutes(from), minutes(to), 3, null, null);
  }

  static Set<DayOfWeek> days(String text) {
    EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    List<String> names = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    for (String part : text.split(",")) {
      if (part.equals("daily")) {
        set.addAll(EnumSet.allOf(DayOfWeek.class));
      } else if (part.equals("weekends")) {
        set.add(DayOfWeek.SATURDAY);
        set.add(DayOfWeek.SUNDAY);
      } else if (part.contains("-")) {
        DayOfWeek a = DayOfWeek.of(names.indexOf(part.substring(0, 3)) + 1);
        DayOfWeek b = DayOfWeek.of(names.indexOf(part.substring(4)) + 1);
        for (DayOfWeek d = a; ; d = d.plus(1)) {
          set.add(d);
          if (d == b) {
            break;
          }
        }
      } else {
        set.add(DayOfWeek.of(names.indexOf(part) + 1));
      }
    }
    return set;
  }

  static int minutes(String hhmm) {
    return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
  }

  static String inForce(WindowSpec w, String zone, String instant) {
    InForce f = Windows.at(List.of(w), ZoneId.of(zone), Instant.parse(instant));
    return f.base() ? "base" : f.name();
  }

  // 2026-12-07 is a Monday; the rows walk one week in UTC
  @ParameterizedTest(name = "{0} {1}–{2} at {3}: {4}")
  @CsvSource({
    "mon-fri,  08:00, 19:00, 2026-12-07T07:59:00Z, base",
    "mon-fri,  08:00, 19:00, 2026-12-07T08:00:00Z, w",
    "mon-fri,  08:00, 19:00, 2026-12-07T18:59:59Z, w",
    "mon-fri,  08:00, 19:00, 2026-12-07T19:00:00Z, base",
    "mon-fri,  08:00, 19:00, 2026-12-11T12:00:00Z, w",
    "mon-fri,  08:00, 19:00, 2026-12-12T12:00:00Z, base",
    "mon-fri,  08:00, 19:00, 2026-12-13T12:00:00Z, base",
    "fri-mon,  10:00, 11:00, 2026-12-13T10:30:00Z, w",
    "fri-mon,  10:00, 11:00, 2026-12-08T10:30:00Z, base",
    "'mon,wed', 10:00, 11:00, 2026-12-09T10:30:00Z, w",
    "'mon,wed', 10:00, 11:00, 2026-12-08T10:30:00Z, base",
    "daily,    01:00, 04:00, 2026-12-10T03:59:00Z, w",
    "daily,    01:00, 04:00, 2026-12-10T04:00:00Z, base",
    "weekends, 00:00, 24:00, 2026-12-12T00:00:00Z, w",
    "weekends, 00:00, 24:00, 2026-12-13T23:59:59Z, w",
    "weekends, 00:00, 24:00, 2026-12-14T00:00:00Z, base",
    "weekends, 00:00, 24:00, 2026-12-11T23:59:59Z, base",
    "sat,      00:00, 24:00, 2026-12-12T23:59:00Z, w",
    "sat,      00:00, 24:00, 2026-12-13T00:00:00Z, base",
    "fri,      22:00, 06:00, 2026-12-11T22:00:00Z, w",
    "fri,      22:00, 06:00, 2026-12-12T05:59:00Z, w",
    "fri,      22:00, 06:00, 2026-12-12T06:00:00Z, base",
    "fri,      22:00, 06:00, 2026-12-12T22:00:00Z, base",
    "sun,      22:00, 02:00, 2026-12-14T01:00:00Z, w",
    "sun,      22:00, 02:00, 2026-12-07T01:00:00Z, w",
    "sun,      22:00, 02:00, 2026-12-08T01:00:00Z, base",
    "fri-mon,  22:00, 06:00, 2026-12-08T05:00:00Z, w",
    "fri-mon,  22:00, 06:00, 2026-12-09T05:00:00Z, base",
    "fri-mon,  22:00, 06:00, 2026-12-11T21:59:00Z, base",
  })
  void everyDaySpec_midnightCrossing_and2400_inUtc(
      String days, String from, String to, String at, String expected) {
    assertThat(inForce(window("w", days, from, to), "UTC", at)).isEqualTo(expected);
  }

  // Berlin 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00Z. 2026-10-25: 03:00 CEST becomes
  // 02:00 CET at 01:00Z. New York 2026-03-08: 02:00 EST becomes 03:00 EDT at 07:00Z; 2026-11-01:
  // 02:00 EDT becomes 01:00 EST at 06:00Z.
  @ParameterizedTest(name = "{3} {0}–{1} at {4}: since {5} until {6}")
  @CsvSource({
    // the night before spring: 01:00–04:00 CET is 00:00Z–03:00Z, three hours
    "01:00, 04:00, daily, Europe/Berlin, 2026-03-28T01:00:00Z, 2026-03-28T00:00:00Z, 2026-03-28T03:00:00Z",
    // spring forward: 01:00 CET to 04:00 CEST is 00:00Z–02:00Z, two hours of wall clock 01–04
    "01:00, 04:00, daily, Europe/Berlin, 2026-03-29T01:30:00Z, 2026-03-29T00:00:00Z, 2026-03-29T02:00:00Z",
    // from 02:30 does not exist that night: the window starts at 03:00 CEST, the first minute after
    "02:30, 05:00, daily, Europe/Berlin, 2026-03-29T01:00:00Z, 2026-03-29T01:00:00Z, 2026-03-29T03:00:00Z",
    // fall back: 01:00 CEST to 04:00 CET is 23:00Z–03:00Z, four hours, both 02:xx included
    "01:00, 04:00, daily, Europe/Berlin, 2026-10-25T00:30:00Z, 2026-10-24T23:00:00Z, 2026-10-25T03:00:00Z",
    "01:00, 04:00, daily, Europe/Berlin, 2026-10-25T01:30:00Z, 2026-10-24T23:00:00Z, 2026-10-25T03:00:00Z",
    // a window starting in the repeated hour starts at its first occurrence (CEST)
    "02:30, 05:00, daily, Europe/Berlin, 2026-10-25T00:30:00Z, 2026-10-25T00:30:00Z, 2026-10-25T04:00:00Z",
    // New York spring: 01:00 EST to 04:00 EDT is 06:00Z–08:00Z
    "01:00, 04:00, daily, America/New_York, 2026-03-08T07:30:00Z, 2026-03-08T06:00:00Z, 2026-03-08T08:00:00Z",
    // business hours the day after: 08:00–19:00 EDT is 12:00Z–23:00Z
    "08:00, 19:00, mon-fri, America/New_York, 2026-03-09T12:00:00Z, 2026-03-09T12:00:00Z, 2026-03-09T23:00:00Z",
    // New York fall: 00:30 EDT to 02:00 EST is 04:30Z–07:00Z, both 01:xx hours included
    "00:30, 02:00, sun, America/New_York, 2026-11-01T06:30:00Z, 2026-11-01T04:30:00Z, 2026-11-01T07:00:00Z",
    // business hours before and after: 13:00Z (EST, 08:00) in winter
    "08:00, 19:00, mon-fri, America/New_York, 2026-11-02T13:00:00Z, 2026-11-02T13:00:00Z, 2026-11-03T00:00:00Z",
    // half-hour zones: Kolkata is +05:30 all year
    "09:00, 17:30, mon-fri, Asia/Kolkata, 2026-12-07T03:30:00Z, 2026-12-07T03:30:00Z, 2026-12-07T12:00:00Z",
    // Adelaide: +10:30 in January (summer), +09:30 in July
    "09:00, 17:00, mon-fri, Australia/Adelaide, 2026-01-05T00:00:00Z, 2026-01-04T22:30:00Z, 2026-01-05T06:30:00Z",
    "09:00, 17:00, mon-fri, Australia/Adelaide, 2026-07-06T00:00:00Z, 2026-07-05T23:30:00Z, 2026-07-06T07:30:00Z",
    // Lord Howe moves its clocks by 30 minutes: 2026-10-04 02:00 (+10:30) becomes 02:30 (+11:00)
    "02:15, 04:00, daily, Australia/Lord_Howe, 2026-10-03T15:45:00Z, 2026-10-03T15:30:00Z, 2026-10-03T17:00:00Z",
  })
  void dst_isWallClockTime_withTheFirstMinuteAfterASkippedStart(
      String from, String to, String days, String zone, String at, String since, String until) {
    InForce f =
        Windows.at(List.of(window("w", days, from, to)), ZoneId.of(zone), Instant.parse(at));

    assertThat(f.name()).isEqualTo("w");
    assertThat(f.since()).isEqualTo(Instant.parse(since));
    assertThat(f.until()).isEqualTo(Instant.parse(until));
  }

  @Test
  void windowWhollyInsideTheSkippedHour_doesNotOccurThatDay() {
    // New York 2026-03-08: 02:00–02:59 EST never happen
    WindowSpec w = window("w", "daily", "02:00", "03:00");
    InForce before = Windows.at(List.of(w), NEW_YORK, Instant.parse("2026-03-08T06:59:00Z"));

    assertThat(before.base()).isTrue();
    assertThat(before.until()).as("next: 02:00 EDT on the 9th").isEqualTo("2026-03-09T06:00:00Z");
    assertThat(
            Windows.occurrences(
                List.of(w),
                NEW_YORK,
                Instant.parse("2026-03-08T00:00:00Z"),
                Instant.parse("2026-03-08T23:59:00Z")))
        .isEmpty();
  }

  @Test
  void windowEndingInTheRepeatedHour_endsAtItsFirstPass() {
    // Berlin 2026-10-25: 01:00–02:30 ends at 02:30 CEST (00:30Z); 02:30 CET is not in it again
    WindowSpec w = window("w", "daily", "01:00", "02:30");

    assertThat(inForce(w, "Europe/Berlin", "2026-10-25T00:29:00Z")).isEqualTo("w");
    assertThat(inForce(w, "Europe/Berlin", "2026-10-25T01:15:00Z")).isEqualTo("base");
  }

  @Test
  void firstAtOrAfter_takesTheGapsEnd_andTheOverlapsFirstInstant() {
    assertThat(Windows.firstAtOrAfter(LocalDateTime.parse("2026-03-29T02:30"), BERLIN))
        .isEqualTo("2026-03-29T01:00:00Z");
    assertThat(Windows.firstAtOrAfter(LocalDateTime.parse("2026-10-25T02:30"), BERLIN))
        .isEqualTo("2026-10-25T00:30:00Z");
    assertThat(Windows.firstAtOrAfter(LocalDateTime.parse("2026-12-07T09:00"), BERLIN))
        .isEqualTo("2026-12-07T08:00:00Z");
  }

  @Test
  void base_saysWhenTheLastWindowEnded_andWhichComesNext() {
    WindowSpec business = window("business-hours", "mon-fri", "08:00", "19:00");
    WindowSpec batch = window("nightly-batch", "daily", "01:00", "04:00");

    InForce f = Windows.at(List.of(business, batch), BERLIN, Instant.parse("2026-12-07T05:00:00Z"));

    assertThat(f.base()).isTrue();
    assertThat(f.since()).as("04:00 CET").isEqualTo("2026-12-07T03:00:00Z");
    assertThat(f.until()).as("08:00 CET").isEqualTo("2026-12-07T07:00:00Z");
    assertThat(f.next()).isEqualTo(business);
    assertThat(f.holdsAt(Instant.parse("2026-12-07T06:59:59Z"))).isTrue();
    assertThat(f.holdsAt(Instant.parse("2026-12-07T07:00:00Z"))).isFalse();
  }

  @Test
  void touchingOccurrencesOfOneWindow_areOneStretch_andAWindowInForceAllWeekHasNoEnd() {
    WindowSpec nights = window("nights", "daily", "20:00", "24:00");
    WindowSpec mornings = window("mornings", "daily", "00:00", "08:00");
    WindowSpec always = window("always", "daily", "00:00", "24:00");

    InForce night =
        Windows.at(
            List.of(nights, mornings), ZoneId.of("UTC"), Instant.parse("2026-12-07T21:00:00Z"));
    InForce all =
        Windows.at(List.of(always), ZoneId.of("UTC"), Instant.parse("2026-12-07T21:00:00Z"));

    assertThat(night.until()).isEqualTo("2026-12-08T00:00:00Z");
    assertThat(night.next()).isEqualTo(mornings);
    assertThat(all.name()).isEqualTo("always");
    assertThat(all.since()).isNull();
    assertThat(all.until()).isNull();
  }

  @Test
  void timeline_listsEachChange_withBaseBetweenWindows() {
    ProcessSpec worker =
        new ProcessSpec(
            "worker",
            Catalog.standard().find("standard-2x").orElseThrow(),
            1,
            null,
            null,
            List.of(window("nightly-batch", "daily", "01:00", "04:00")));

    List<Windows.Change> changes =
        Windows.timeline(
            worker,
            BERLIN,
            Instant.parse("2026-12-07T00:30:00Z"),
            Instant.parse("2026-12-08T23:30:00Z"));

    assertThat(changes)
        .extracting(c -> c.at() + " " + (c.window() == null ? "base" : c.window().name()))
        .containsExactly(
            "2026-12-07T00:30:00Z nightly-batch",
            "2026-12-07T03:00:00Z base",
            "2026-12-08T00:00:00Z nightly-batch",
            "2026-12-08T03:00:00Z base");
  }

  @Test
  void effective_replacesTheCountOrTheBand_neverTheSize() {
    var size = Catalog.standard().find("performance-m").orElseThrow();
    WindowSpec wide =
        new WindowSpec(
            "wide",
            days("mon-fri"),
            "mon-fri",
            480,
            1140,
            null,
            new AutoscaleSpec(4, 10, 500, false),
            null);
    ProcessSpec web =
        new ProcessSpec("web", size, 3, new AutoscaleSpec(2, 8, 500, false), null, List.of(wide));

    ProcessSpec inside = Windows.effective(web, wide);

    assertThat(inside.size()).isEqualTo(size);
    assertThat(inside.autoscale()).isEqualTo(new AutoscaleSpec(4, 10, 500, false));
    assertThat(inside.quantity()).as("3 is outside 4..10: no starting count").isNull();
    assertThat(Windows.effective(web, null)).isSameAs(web);
  }
}
