package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads what people send to the complaint desk, naming each field that is missing, unknown or too long (400). */
public final class ComplaintInput {

    private ComplaintInput() {
    }

    /** An enum value as sent (any case); a missing or unknown one is a problem named by its field (400). */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "{complaint.error.required}"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "{complaint.error.enum}"));
            return null;
        }
    }

    static String requiredText(String field, String value, int max) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = text(field, value, max, true, problems);
        failOn(problems);
        return text;
    }

    static String text(String field, String value, int max, boolean required, List<FieldProblem> problems) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "{complaint.error.required}"));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(new FieldProblem(field, "{complaint.error.tooLong}"));
        }
        return v;
    }

    static void failOn(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
