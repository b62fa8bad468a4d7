package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.workflow.api.StepLimit;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 时限 — each step's time limit, configurable as {@code crm.change-requests.limits."<TYPE>.<STEP>"} or
 * {@code ."<TYPE>"} (e.g. {@code "0.5 HOUR"}, {@code "1 WORKING_DAY"}); a step without its own limit takes its
 * type's, then {@code default-limit}. DOMAIN.md gives 1 working day for the general route and the bulk county review
 * and 0.5 natural hour for each urgent step; the other types default to 1 working day per step.
 */
@ConfigurationProperties(prefix = "crm.change-requests")
public record StepLimits(String defaultLimit, Map<String, String> limits) {

    public StepLimits {
        defaultLimit = defaultLimit == null || defaultLimit.isBlank() ? "1 WORKING_DAY" : defaultLimit;
        limits = limits == null ? Map.of("URGENT", "0.5 HOUR") : Map.copyOf(limits);
        parse(defaultLimit);
        limits.values().forEach(StepLimits::parse);  // a bad setting stops the start, not a request later
    }

    /**
     * The limits of a type's steps as its process reads them ({@code flowable:dueDate="${limit_<STEP>}"}), so a
     * changed setting applies to requests raised from then on.
     */
    public Map<String, Object> variables(ChangeType type) {
        Map<String, Object> variables = new java.util.HashMap<>();
        type.route().forEach(step -> variables.put("limit_" + step.name(), of(type, step).toString()));
        return variables;
    }

    public StepLimit of(ChangeType type, StepKey step) {
        String text = limits.getOrDefault(type.name() + "." + step.name(), limits.getOrDefault(type.name(), defaultLimit));
        return parse(text);
    }

    /**
     * A setting as the engine parses a limit (its {@code toString} is what the process reads back), the unit in any
     * case, and never zero: a step must have time to be done in.
     */
    private static StepLimit parse(String text) {
        StepLimit limit = StepLimit.parse(text.toUpperCase(Locale.ROOT));
        if (limit.amount().signum() <= 0) {
            throw new IllegalArgumentException("a limit must be positive: " + text);
        }
        return limit;
    }
}
