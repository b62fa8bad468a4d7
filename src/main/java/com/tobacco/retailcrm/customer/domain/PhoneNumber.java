package com.tobacco.retailcrm.customer.domain;


/**
 * 电话号码 — a Chinese mobile number ({@code 1[3-9]} and 9 digits) or a fixed line with its area code
 * ({@code 0571-87654321}, {@code 010-12345678}, optionally an extension {@code -123}).
 */
public record PhoneNumber(String value) {

    public PhoneNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a phone number");
        }
    }

    public static boolean isValid(String value) {
        return com.tobacco.retailcrm.shared.api.PhoneNumbers.isValid(value);
    }

    /** The digits only: what exact-phone search compares, so {@code 0571-87654321} and {@code 057187654321} meet. */
    public static String digits(String value) {
        return value == null ? null : value.replaceAll("\\D", "");
    }

    public boolean mobile() {
        return com.tobacco.retailcrm.shared.api.PhoneNumbers.isMobile(value);
    }
}
