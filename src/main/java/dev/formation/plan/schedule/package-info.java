/**
 * Window evaluation: which window of a process type's schedule is in force at a moment, from when
 * until when, and the timeline of changes over a stretch of time. Pure: the moment is always an
 * input, never the clock. Windows are local wall-clock times in the app's zone, and daylight saving
 * time is handled as such: each occurrence starts at the first instant the local clock reads its
 * {@code from} or later (a day that skips {@code from} starts it at the first minute after), and
 * ends likewise at its {@code to}.
 *
 * <p>Dependency rule: {@code plan.schedule} depends on {@code config} and {@code catalog} only. No
 * library.
 */
package dev.formation.plan.schedule;
