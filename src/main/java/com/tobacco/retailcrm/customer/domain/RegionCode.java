package com.tobacco.retailcrm.customer.domain;

import java.util.regex.Pattern;

/** 行政区划代码 — the 6-digit GB/T 2260 code of a county-level region (e.g. 330106). */
public record RegionCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[1-8]\\d{5}");

    public RegionCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a region code");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
