package com.tobacco.retailcrm.calendar.domain;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a year of the calendar may list: dates of that year only; no date both a holiday and a make-up working day;
 * repeats count once. The official notice (放假安排通知) is taken as published: its holiday ranges include weekend
 * days and it may name a weekday as worked; such a day is kept (and shown) but changes nothing, since a weekend is
 * off and a weekday worked anyway.
 */
public final class CalendarYearRules {

    /** Years an admin may keep; limits of up to {@link #MAX_AMOUNT} units from them stay inside the day table. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /** The largest limit the API computes, in any unit: far beyond any time limit of the business. */
    public static final int MAX_AMOUNT = 1000;

    /** Localises a message key with arguments (the caller's language in the web layer, the key in tests). */
    @FunctionalInterface
    public interface Texts {
        String text(String key, Object... args);
    }

    private CalendarYearRules() {
    }

    public static void checkYear(int year, Texts texts) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("year", texts.text("calendar.error.year", FIRST_YEAR, LAST_YEAR));
        }
    }

    /** Whether a listed day changes the day's nature: a holiday on a weekday, a make-up working day on a weekend. */
    public static boolean changesTheDay(LocalDate date, DayKind kind) {
        return (kind == DayKind.HOLIDAY) == CalendarSnapshot.isWeekday(date);
    }

    /** The listed days of a year from an admin's lists, or every problem at once. */
    public static Map<LocalDate, DayKind> listedDays(int year, List<LocalDate> holidays, List<LocalDate> workdays,
                                                     Texts texts) {
        checkYear(year, texts);
        List<FieldProblem> problems = new ArrayList<>();
        Map<LocalDate, DayKind> days = new TreeMap<>();
        collect("holidays", DayKind.HOLIDAY, year, holidays, days, problems, texts);
        collect("workdays", DayKind.WORKDAY, year, workdays, days, problems, texts);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return days;
    }

    private static void collect(String field, DayKind kind, int year, List<LocalDate> dates,
                                Map<LocalDate, DayKind> days, List<FieldProblem> problems, Texts texts) {
        if (dates == null) {
            problems.add(new FieldProblem(field, texts.text("calendar.error.listMissing")));
            return;
        }
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            String at = field + "[" + i + "]";
            if (date == null) {
                problems.add(new FieldProblem(at, texts.text("calendar.error.dateMissing")));
            } else if (date.getYear() != year) {
                problems.add(new FieldProblem(at, texts.text("calendar.error.otherYear", date, year)));
            } else if (days.containsKey(date) && days.get(date) != kind) {
                problems.add(new FieldProblem(at, texts.text("calendar.error.both", date)));
            } else {
                days.put(date, kind);
            }
        }
    }
}
