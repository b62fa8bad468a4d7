package com.tobacco.retailcrm.calendar.domain;

import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * 法定节假日: the State Council's yearly holiday arrangements as published in the tyme4j library (holidays with their
 * make-up working days), every day as the notice lists it: a holiday falling on a weekend and a "workday" on a weekday
 * are kept as published (shown, but changing nothing in the arithmetic). The library's 2025 and 2026 arrangements
 * were checked day by day against the State Council notices (国办发明电〔2024〕12号, 国办发明电〔2025〕7号).
 */
public final class StatutoryHolidays {

    private StatutoryHolidays() {
    }

    /** The listed days of a year, or an empty map when the library does not know that year. */
    public static Map<LocalDate, DayKind> of(int year) {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            LegalHoliday holiday = LegalHoliday.fromYmd(year, d.getMonthValue(), d.getDayOfMonth());
            if (holiday == null) {
                continue;
            }
            days.put(d, holiday.isWork() ? DayKind.WORKDAY : DayKind.HOLIDAY);
        }
        return days;
    }

    /** The holidays' names (e.g. 国庆节) of the listed days of a year. */
    public static Map<LocalDate, String> names(int year) {
        Map<LocalDate, String> names = new TreeMap<>();
        for (LocalDate d : of(year).keySet()) {
            names.put(d, LegalHoliday.fromYmd(year, d.getMonthValue(), d.getDayOfMonth()).getName());
        }
        return names;
    }

    /** Whether the library has an arrangement for the year at all (a year may need no weekday changed). */
    public static boolean knows(int year) {
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (LegalHoliday.fromYmd(year, d.getMonthValue(), d.getDayOfMonth()) != null) {
                return true;
            }
        }
        return false;
    }
}
