package com.tobacco.retailcrm.calendar.web;

import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import com.tobacco.retailcrm.calendar.domain.CalendarYearRules;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The inputs of a due-time question, checked all at once so every bad field is named. */
record DueQuery(Instant start, BigDecimal amount, WorkTimeUnit unit) {

    static DueQuery parse(String start, String amount, String unit, ZoneId zone, CalendarYearRules.Texts texts) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant at = parseStart(start, zone, problems, texts);
        BigDecimal value = parseAmount(amount, problems, texts);
        WorkTimeUnit u = parseUnit(unit, problems, texts);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DueQuery(at, value, u);
    }

    private static Instant parseStart(String text, ZoneId zone, List<FieldProblem> problems,
                                      CalendarYearRules.Texts texts) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("start", texts.text("calendar.error.startMissing")));
            return null;
        }
        try {
            // An unencoded '+' of an offset arrives as a space in a query string.
            Instant at = OffsetDateTime.parse(text.trim().replace(' ', '+')).toInstant();
            int year = at.atZone(zone).getYear();
            if (year < CalendarYearRules.FIRST_YEAR || year > CalendarYearRules.LAST_YEAR) {
                problems.add(new FieldProblem("start", texts.text("calendar.error.startYear",
                        CalendarYearRules.FIRST_YEAR, CalendarYearRules.LAST_YEAR)));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("start", texts.text("calendar.error.startFormat")));
            return null;
        }
    }

    private static BigDecimal parseAmount(String text, List<FieldProblem> problems, CalendarYearRules.Texts texts) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("amount", texts.text("calendar.error.amountMissing")));
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("amount", texts.text("calendar.error.amountFormat")));
            return null;
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(CalendarYearRules.MAX_AMOUNT)) > 0) {
            problems.add(new FieldProblem("amount", texts.text("calendar.error.amountRange",
                    CalendarYearRules.MAX_AMOUNT)));
            return null;
        }
        return value;
    }

    private static WorkTimeUnit parseUnit(String text, List<FieldProblem> problems, CalendarYearRules.Texts texts) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("unit", texts.text("calendar.error.unit")));
            return null;
        }
        try {
            return WorkTimeUnit.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("unit", texts.text("calendar.error.unit")));
            return null;
        }
    }
}
