package com.tobacco.retailcrm.service.supply;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * 供货日期 of an approved request: a normal one is supplied on the customer's next order day (订货日) on or after the
 * approval date that is a working day; a special one, or a customer without an order day, on the next working day.
 */
final class SupplyDate {

    /** How far to look for an order day that is a working day before falling back to the next working day. */
    private static final int WEEKS_AHEAD = 8;

    private SupplyDate() {
    }

    /**
     * @param orderDay        the archive's {@code orderDay} (MON..SUN), or null
     * @param isWorkingDay    the working calendar's test
     * @param nextWorkingDay  the working day after a date
     */
    static LocalDate of(boolean special, String orderDay, LocalDate approvedOn, Predicate<LocalDate> isWorkingDay,
                        UnaryOperator<LocalDate> nextWorkingDay) {
        DayOfWeek day = special ? null : dayOf(orderDay);
        if (day != null) {
            for (LocalDate d = approvedOn; d.isBefore(approvedOn.plusWeeks(WEEKS_AHEAD)); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == day && isWorkingDay.test(d)) {
                    return d;
                }
            }
        }
        return nextWorkingDay.apply(approvedOn);
    }

    private static DayOfWeek dayOf(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(code.trim().toUpperCase(java.util.Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }
}
