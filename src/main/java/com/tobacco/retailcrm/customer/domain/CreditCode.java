package com.tobacco.retailcrm.customer.domain;

import java.util.regex.Pattern;

/**
 * 统一社会信用代码 — 18 characters per GB 32100 from the 31-character set without I, O, S, V, Z; the last one is a
 * check character computed modulo 31 over the first 17.
 */
public record CreditCode(String value) {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern FORMAT = Pattern.compile("[0-9ABCDEFGHJKLMNPQRTUWXY]{18}");
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a unified social credit code");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches()
                && checkCharacter(value.substring(0, 17)) == value.charAt(17);
    }

    /** The check character for the first 17 characters (all from the GB 32100 set). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }
}
