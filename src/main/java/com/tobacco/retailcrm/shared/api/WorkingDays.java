package com.tobacco.retailcrm.shared.api;

import java.time.LocalDate;

/**
 * 工作日历 — which days are working days. Until the working calendar (holidays, 调休 weekends) is maintained, the
 * default bean counts Monday to Friday; the calendar module replaces it by declaring its own bean as
 * {@code @Primary}, and every rule that counts working days follows without change.
 */
public interface WorkingDays {

    boolean isWorkingDay(LocalDate day);

    /** The day that is {@code days} working days after {@code start} (start itself not counted); days ≥ 0. */
    default LocalDate plus(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = start;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    default int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
