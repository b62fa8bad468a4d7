package com.tobacco.retailcrm.customer.api;

import java.util.Map;

/**
 * A search of the archive (always limited to the caller's data scope). Null means "any".
 *
 * @param q        code or licence prefix (when digits), store-name pinyin-initials prefix (when ASCII letters, then
 *                 letters or digits), exact phone (when a phone number), store-name substring (always)
 * @param custom   custom-field filters: key → exact value
 */
public record CustomerQuery(String q, String retailFormat, String marketType, String status, String customerManager,
                            String countyCode, Boolean incomplete, Map<String, String> custom) {

    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null, null, null, null, Map.of());
    }
}
