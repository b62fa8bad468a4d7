package com.tobacco.retailcrm.service.supply;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 应急货源设置 ({@code crm.service.emergency-supply.*}): the time limit of each waiting step on the working calendar
 * (e.g. {@code "0.5 WORKING_DAY"}, {@code "4 WORKING_HOUR"}), 0.5 working day by default.
 */
@ConfigurationProperties(prefix = "crm.service.emergency-supply")
public record SupplyProperties(String stepLimit) {

    private static final Pattern LIMIT = Pattern.compile("\\d+(\\.\\d+)? [A-Z_]+");

    public SupplyProperties {
        stepLimit = stepLimit == null || stepLimit.isBlank() ? "0.5 WORKING_DAY" : stepLimit.trim();
        if (!LIMIT.matcher(stepLimit).matches()) {
            // a bad setting stops the start, not a request later
            throw new IllegalArgumentException("crm.service.emergency-supply.step-limit must read like '0.5 WORKING_DAY': " + stepLimit);
        }
    }
}
