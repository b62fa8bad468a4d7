package com.tobacco.retailcrm.customer.domain;

import java.util.regex.Pattern;

/**
 * 电话号码 — a Chinese mobile number ({@code 1[3-9]} and 9 digits) or a fixed line with its area code
 * ({@code 0571-87654321}, {@code 010-12345678}, optionally an extension {@code -123}).
 */
public record PhoneNumber(String value) {

    /** Compiled once: every phone of every customer written or searched passes here. */
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

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
        return value == null ? null : NOT_DIGIT.matcher(value).replaceAll("");
    }

    /**
     * The last four digits of the number itself (an extension left out): what a caller reads out as "尾号 5678", and
     * what partial search finds by its keyed hash. Null when there are fewer than four digits.
     */
    public static String tail(String value) {
        String main = mainDigits(value);
        return main == null || main.length() < 4 ? null : main.substring(main.length() - 4);
    }

    /**
     * A fixed line's local number without its area code ({@code 0571-87654321} → {@code 87654321}), as people often
     * give it; null for a mobile or anything that is not a fixed line.
     */
    public static String local(String value) {
        if (value == null || !com.tobacco.retailcrm.shared.api.PhoneNumbers.isFixedLine(value.strip())) {
            return null;
        }
        return value.strip().split("-")[1];
    }

    private static String mainDigits(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (com.tobacco.retailcrm.shared.api.PhoneNumbers.isFixedLine(v)) {
            String[] parts = v.split("-");
            return parts[0] + parts[1];
        }
        return digits(v);
    }

    public boolean mobile() {
        return com.tobacco.retailcrm.shared.api.PhoneNumbers.isMobile(value);
    }
}
