package com.tobacco.retailcrm.shared.api;

import java.util.regex.Pattern;

/**
 * 电话号码的规则 — one rule for every phone the system keeps (archive, complaints): a Chinese mobile number
 * ({@code 1[3-9]} and 9 digits) or a fixed line with its area code ({@code 0571-87654321}, {@code 010-12345678},
 * optionally an extension {@code -123}).
 */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern FIXED = Pattern.compile("0\\d{2,3}-\\d{7,8}(-\\d{1,6})?");

    private PhoneNumbers() {
    }

    public static boolean isValid(String value) {
        return value != null && (isMobile(value) || isFixedLine(value));
    }

    /** A fixed line with its area code (and perhaps an extension). */
    public static boolean isFixedLine(String value) {
        return value != null && FIXED.matcher(value).matches();
    }

    public static boolean isMobile(String value) {
        return value != null && MOBILE.matcher(value).matches();
    }
}
