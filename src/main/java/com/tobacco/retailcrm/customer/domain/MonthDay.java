package com.tobacco.retailcrm.customer.domain;

import java.time.DateTimeException;
import java.util.regex.Pattern;

/** 月日 (MM-DD) of a yearly date such as a birthday: 02-29 is a valid day, since it exists in leap years. */
final class MonthDay {

    private static final Pattern FORMAT = Pattern.compile("\\d{2}-\\d{2}");

    private MonthDay() {
    }

    static boolean isValid(String v) {
        if (v == null || !FORMAT.matcher(v).matches()) {
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
