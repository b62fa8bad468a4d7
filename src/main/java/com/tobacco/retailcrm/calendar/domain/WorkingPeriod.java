package com.tobacco.retailcrm.calendar.domain;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** One working period of a working day (工作时段), e.g. 09:00–12:00; {@code end} is exclusive. */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IllegalArgumentException("A working period must start before it ends: " + start + "-" + end);
        }
    }

    /** Parses {@code HH:mm-HH:mm}. */
    public static WorkingPeriod parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A working period is written HH:mm-HH:mm, not: " + text);
        }
        try {
            return new WorkingPeriod(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A working period is written HH:mm-HH:mm, not: " + text, e);
        }
    }

    /** Checks that periods exist, are in order and do not overlap, so a day's working time is well defined. */
    public static List<WorkingPeriod> ordered(List<WorkingPeriod> periods) {
        if (periods == null || periods.isEmpty()) {
            throw new IllegalArgumentException("At least one working period is needed");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("Working periods must be in order and not overlap: " + periods);
            }
        }
        return List.copyOf(periods);
    }

    int startSecond() {
        return start.toSecondOfDay();
    }

    int endSecond() {
        return end.toSecondOfDay();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
