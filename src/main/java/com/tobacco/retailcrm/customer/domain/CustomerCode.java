package com.tobacco.retailcrm.customer.domain;

import java.util.regex.Pattern;

/** 客户代码 — 8 to 16 digits, unique in the archive. */
public record CustomerCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{8,16}");

    public CustomerCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a customer code: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
