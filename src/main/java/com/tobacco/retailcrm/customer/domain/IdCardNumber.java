package com.tobacco.retailcrm.customer.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * 居民身份证号码 — 18 characters per GB 11643: 6-digit region, birth date, 3-digit sequence, and a check character
 * computed with ISO 7064 MOD 11-2 over the first 17 digits.
 */
public record IdCardNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    public IdCardNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an ID card number");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches() && hasValidBirthDate(value)
                && checkCharacter(value.substring(0, 17)) == value.charAt(17);
    }

    /** The check character for the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static boolean hasValidBirthDate(String value) {
        try {
            LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
