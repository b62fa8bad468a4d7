package com.tobacco.retailcrm.classification.service;

import com.tobacco.retailcrm.classification.persistence.RunStore;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * 零售客户类别调整情况表 — for a month, the customers whose class code the applied runs of that month (its monthly
 * run, or the run of the quarter that ends with it) changed, per county, each with the reason of the change.
 */
public final class Adjustments {

    private Adjustments() {
    }

    /** Why a class changed, as a message key and its arguments (from, to scale; rank of format customers). */
    public record Reason(String messageKey, Object[] args) {
    }

    public static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException("month", "{classification.report.error.month}");
        }
    }

    /** The period codes whose applied runs the month's report lists: the month, and the quarter ending with it. */
    public static List<String> periods(YearMonth month) {
        String quarter = month.getMonthValue() % 3 == 0 ? month.getYear() + "-Q" + month.getMonthValue() / 3
                : month.toString();
        return List.of(month.toString(), quarter);
    }

    /**
     * The first part that differs decides the reason: no previous class (first classification), market type or
     * format (the archive's own data changed), else the scale by the period's purchase ranking.
     */
    public static Reason reason(RunStore.Adjustment a) {
        if (a.fromClass() == null) {
            return new Reason("classification.report.reason.first", new Object[0]);
        }
        String[] from = a.fromClass().split("-", 3);
        String[] to = a.toClass().split("-", 3);
        if (from.length == 3 && !Objects.equals(from[0], to[0])) {
            return new Reason("classification.report.reason.marketType", new Object[] {from[0], to[0]});
        }
        if (from.length == 3 && !Objects.equals(from[1], to[1])) {
            return new Reason("classification.report.reason.format", new Object[] {from[1], to[1]});
        }
        String fromScale = from.length == 3 ? from[2] : a.fromScale();
        return new Reason("classification.report.reason.scale",
                new Object[] {"{classification.scale." + fromScale + "}", "{classification.scale." + a.toScale() + "}",
                        a.period(), a.rank(), a.formatCustomers()});
    }
}
