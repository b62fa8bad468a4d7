package com.tobacco.retailcrm.calendar.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The default working periods and the statutory 2025–2026 arrangements, as the application loads them. */
final class CalendarFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<WorkingPeriod> DEFAULT_PERIODS =
            List.of(WorkingPeriod.parse("09:00-12:00"), WorkingPeriod.parse("13:00-17:00"));

    private CalendarFixtures() {
    }

    static Map<LocalDate, DayKind> statutory(int... years) {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        for (int year : years) {
            days.putAll(StatutoryHolidays.of(year));
        }
        return days;
    }

    static CalendarSnapshot defaultCalendar() {
        return new CalendarSnapshot(SHANGHAI, DEFAULT_PERIODS, statutory(2024, 2025, 2026));
    }
}
