package com.tobacco.retailcrm.customer.domain;

/** 脱敏 — how sensitive values look to those who may not see them in clear (docs/domain/customer-archive.md). */
public final class Masking {

    private Masking() {
    }

    public static String mask(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case "orderPhone", "mobilePhone" -> keep(value, 3, 4, "****");
            case "idCardNo" -> keep(value, 4, 4, "**********");
            case "bankAccount" -> "****" + value.substring(Math.max(0, value.length() - 4));
            case "homeAddress", "address", "mailingAddress" -> truncate(value);
            default -> "****";
        };
    }

    /** {@code 13812345678} → {@code 138****5678}; values too short to keep both ends are masked whole. */
    private static String keep(String value, int head, int tail, String stars) {
        if (value.length() <= head + tail) {
            return stars;
        }
        return value.substring(0, head) + stars + value.substring(value.length() - tail);
    }

    /** An address keeps its first part (about the district), never more than half of it. */
    private static String truncate(String value) {
        int keep = Math.min(6, value.codePointCount(0, value.length()) / 2);
        return value.substring(0, value.offsetByCodePoints(0, keep)) + "****";
    }
}
