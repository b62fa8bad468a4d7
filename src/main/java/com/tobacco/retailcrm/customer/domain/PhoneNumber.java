package com.tobacco.retailcrm.customer.domain;

import java.util.regex.Pattern;

/**
 * 电话号码 — a Chinese mobile number ({@code 1[3-9]} and 9 digits) or a fixed line with its area code
 * ({@code 0571-87654321}, {@code 010-12345678}, optionally an extension {@code -123}).
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern FIXED = Pattern.compile("0\\d{2,3}-\\d{7,8}(-\\d{1,6})?");

    public PhoneNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a phone number");
        }
    }

    public static boolean isValid(String value) {
        return value != null && (MOBILE.matcher(value).matches() || FIXED.matcher(value).matches());
    }

    /** The digits only: what exact-phone search compares, so {@code 0571-87654321} and {@code 057187654321} meet. */
    public static String digits(String value) {
        return value == null ? null : value.replaceAll("\\D", "");
    }

    public boolean mobile() {
        return MOBILE.matcher(value).matches();
    }
}
