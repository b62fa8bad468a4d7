package com.tobacco.retailcrm.workflow.api;

import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A step's time limit as written in a process, {@code "0.5 WORKING_DAY"}: an amount and a working-time unit. */
public record StepLimit(BigDecimal amount, WorkTimeUnit unit) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s+([A-Z_]+)\\s*");

    public static StepLimit parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a step limit (e.g. '0.5 WORKING_DAY'): " + text);
        }
        return new StepLimit(new BigDecimal(m.group(1)), WorkTimeUnit.valueOf(m.group(2)));
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + unit.name();
    }
}
