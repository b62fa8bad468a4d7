package com.tobacco.retailcrm.customer.domain;

import java.util.regex.Pattern;

/** 专卖许可证号 — exactly 12 digits, unique in the archive. */
public record LicenceNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{12}");

    public LicenceNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a licence number: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
