package com.tobacco.retailcrm.classification.domain;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 分类周期 — a month ({@code 2026-10}) or a quarter ({@code 2026-Q3}) over whose purchases a run is computed. A run
 * needs the period to be over: a period still going on would give other results tomorrow from the same request.
 */
public record Period(String code, LocalDate from, LocalDate to) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Period parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return new Period(t, ym.atDay(1), ym.atEndOfMonth());
        }
        m = QUARTER.matcher(t);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(year, quarter * 3 - 2);
            return new Period(t, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        throw new InvalidInputException("period", "{classification.run.error.period}");
    }

    /** Whether the period has ended by {@code today} (its last day is before today). */
    public boolean isOverBy(LocalDate today) {
        return to.isBefore(today);
    }

    public int months() {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
    }
}
