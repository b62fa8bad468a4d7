package com.tobacco.retailcrm.rating;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reading request values of this module with every problem collected at once (a 400 names all bad fields). Values
 * arrive as text so a bad date or code is reported on its field instead of failing the whole body.
 */
public final class Input {

    private Input() {
    }

    /** Required text, stripped, at most {@code max} characters. */
    public static String text(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "{rating.error.required}"));
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            problems.add(new FieldProblem(field, "{rating.error.tooLong}"));
        }
        return v;
    }

    /** A date {@code YYYY-MM-DD}; null when absent and not required. */
    public static LocalDate date(String field, String value, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "{rating.error.required}"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "{rating.error.date}"));
            return null;
        }
    }

    /** An instant ISO-8601 with offset ({@code 2026-11-02T09:30:00+08:00}). */
    public static Instant instant(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "{rating.error.required}"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "{rating.error.instant}"));
            return null;
        }
    }

    /** One of an enum's constants by its exact code (case-insensitive); null and a problem otherwise. */
    public static <E extends Enum<E>> E code(String field, String value, Class<E> type, boolean required,
                                             List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "{rating.error.required}"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "{rating.error.code}"));
            return null;
        }
    }
}
