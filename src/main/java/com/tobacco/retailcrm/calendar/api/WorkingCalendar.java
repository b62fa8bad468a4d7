package com.tobacco.retailcrm.calendar.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 工作日历 as other modules see it: the calendar currently in force (it follows admins' edits at once). All
 * methods are pure computations in memory, cheap enough to call per task and per row.
 */
public interface WorkingCalendar {

    /**
     * When a limit of {@code amount} {@code unit}s that starts at {@code start} runs out. Working time that starts
     * outside working hours begins at the next working period; a limit that runs out exactly at the end of a period
     * is due at that end (12:00, not 13:00). Fractions of a minute round up to the next whole minute (a limit is
     * never shortened); the start is counted from its whole second.
     *
     * @throws IllegalArgumentException if the amount is not positive or the result lies outside the supported years
     */
    Instant due(Instant start, BigDecimal amount, WorkTimeUnit unit);

    /** Whether the date is a working day: Monday–Friday unless a holiday, or a weekend day listed as a make-up day. */
    boolean isWorkingDay(LocalDate date);

    /** The number of working days in {@code [from, toExclusive)}; negative if {@code toExclusive} is before. */
    int workingDaysBetween(LocalDate from, LocalDate toExclusive);

    /**
     * The {@code days}-th working day after {@code date} (before it when negative); {@code date} itself for 0.
     * E.g. a notice of 7 working days given on {@code d} ends on {@code addWorkingDays(d, 7)}.
     */
    LocalDate addWorkingDays(LocalDate date, int days);

    /** The company's zone in which working time is counted (Asia/Shanghai by default). */
    java.time.ZoneId zone();
}
