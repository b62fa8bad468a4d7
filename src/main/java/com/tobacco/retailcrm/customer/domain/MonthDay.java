package com.tobacco.retailcrm.customer.domain;

import java.time.DateTimeException;

/** 月日 (MM-DD) of a yearly date such as a birthday: 02-29 is a valid day, since it exists in leap years. */
final class MonthDay {

    private MonthDay() {
    }

    static boolean isValid(String v) {
        if (v == null || !v.matches("\\d{2}-\\d{2}")) {
            return false;
        }
        try {
            java.time.MonthDay.of(Integer.parseInt(v.substring(0, 2)), Integer.parseInt(v.substring(3)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
