package com.tobacco.retailcrm.customer.domain;

import java.util.regex.Pattern;

/** 银行账号 — 12 to 30 digits. */
public record BankAccountNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{12,30}");

    public BankAccountNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a bank account number");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
