package com.tobacco.retailcrm.calendar.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One year of the calendar as shown: its holidays (weekdays off), make-up working days (weekends worked), where it
 * came from ({@code SEEDED}, {@code EDITED}, or {@code DEFAULT} for a year nobody listed: plain Monday–Friday) and
 * the names of the statutory holidays where known.
 */
public record CalendarYearView(int year, List<LocalDate> holidays, List<LocalDate> workdays, String source,
                               Instant updatedAt, String updatedBy, Map<LocalDate, String> names) {
}
