package com.tobacco.retailcrm.rating.evaluation;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 评价期间 — a month {@code 2026-10} or a quarter {@code 2026-Q3}, with the period of the same length just before it
 * (for growth). A period is evaluated once it has begun; one that has not begun is refused.
 */
record EvaluationPeriod(String code, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    static EvaluationPeriod parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("period", "{rating.error.required}");
        }
        String t = text.strip();
        Matcher m = MONTH.matcher(t);
        Matcher q = QUARTER.matcher(t);
        YearMonth first;
        int months;
        if (m.matches()) {
            first = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            months = 1;
        } else if (q.matches()) {
            first = YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
            months = 3;
        } else {
            throw new InvalidInputException("period", "{rating.evaluation.error.period}");
        }
        if (first.getYear() < 2000 || first.atDay(1).isAfter(today)) {
            throw new InvalidInputException("period", "{rating.evaluation.error.periodRange}");
        }
        YearMonth last = first.plusMonths(months - 1L);
        YearMonth previous = first.minusMonths(months);
        return new EvaluationPeriod(t, first.atDay(1), last.atEndOfMonth(), previous.atDay(1),
                first.minusMonths(1).atEndOfMonth());
    }
}
