package com.tobacco.retailcrm.service.visit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/** 拜访周期 — how often a customer is to be visited (archive field {@code visitCycle}). */
public enum VisitCycle {
    /** every 7 days */
    WEEKLY,
    /** every 14 days */
    BIWEEKLY,
    /** once a calendar month */
    MONTHLY;

    /** Visits due in a month: WEEKLY one per ISO week starting in it, BIWEEKLY half of those rounded up, MONTHLY one. */
    public int dueIn(YearMonth month) {
        int weeks = isoWeeksStartingIn(month);
        return switch (this) {
            case WEEKLY -> weeks;
            case BIWEEKLY -> (weeks + 1) / 2;
            case MONTHLY -> 1;
        };
    }

    /** The ISO weeks (Monday to Sunday) whose Monday lies in the month: 4 or 5. */
    public static int isoWeeksStartingIn(YearMonth month) {
        LocalDate firstMonday = month.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        return (month.lengthOfMonth() - firstMonday.getDayOfMonth()) / 7 + 1;
    }

    /** The day the next visit is due after one made on {@code last}. */
    public LocalDate nextAfter(LocalDate last) {
        return switch (this) {
            case WEEKLY -> last.plusDays(7);
            case BIWEEKLY -> last.plusDays(14);
            case MONTHLY -> last.plusMonths(1);
        };
    }

    /** The first day a visit on or after which still falls within the cycle that ends {@code today}. */
    public LocalDate windowStart(LocalDate today) {
        return switch (this) {
            case WEEKLY -> today.minusDays(6);
            case BIWEEKLY -> today.minusDays(13);
            case MONTHLY -> today.minusMonths(1).plusDays(1);
        };
    }

    static VisitCycle parse(String value) {
        try {
            return value == null ? null : valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
