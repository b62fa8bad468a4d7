package com.tobacco.retailcrm.workflow.change;

import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import java.math.BigDecimal;
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

    /** A limit: an amount of a unit of time, counted on the working calendar unless the unit is HOUR. */
    public record Limit(BigDecimal amount, WorkTimeUnit unit) {

        static Limit parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a limit is '<amount> <unit>': " + text);
            }
            BigDecimal amount = new BigDecimal(parts[0]);
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("a limit must be positive: " + text);
            }
            return new Limit(amount, WorkTimeUnit.valueOf(parts[1].toUpperCase(Locale.ROOT)));
        }

        /** As a process reads it from its {@code limit_<STEP>} variable, e.g. {@code 0.5 HOUR}. */
        @Override
        public String toString() {
            return amount.toPlainString() + " " + unit.name();
        }
    }

    public StepLimits {
        defaultLimit = defaultLimit == null || defaultLimit.isBlank() ? "1 WORKING_DAY" : defaultLimit;
        limits = limits == null ? Map.of("URGENT", "0.5 HOUR") : Map.copyOf(limits);
        Limit.parse(defaultLimit);
        limits.values().forEach(Limit::parse);  // a bad setting stops the start, not a request later
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

    public Limit of(ChangeType type, StepKey step) {
        String text = limits.getOrDefault(type.name() + "." + step.name(), limits.getOrDefault(type.name(), defaultLimit));
        return Limit.parse(text);
    }
}
