package com.tobacco.retailcrm.customer.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer as the caller may see it. {@code fields} holds every fixed and custom field that has a value, keyed by
 * the dictionary key, as String, LocalDate, BigDecimal, Integer or Boolean; sensitive values the caller may not see
 * in clear are masked strings and listed in {@code masked}.
 */
public record CustomerRecord(String customerCode, String countyCode, long version, Map<String, Object> fields,
                             Set<String> masked, Completeness completeness, List<String> missingFields) {

    public Object get(String key) {
        return fields.get(key);
    }
}
