package com.tobacco.retailcrm.shared.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The {@code from}/{@code to} query parameters of a list, as people and scripts really send them: an instant with
 * offset ({@code 2026-11-02T09:30:00+08:00}, also with the {@code +} left unencoded so it arrives as a space), a
 * local date-time in the company's zone, or a whole day ({@code 2026-11-02}: from its start, or to its end).
 */
public final class TimeRangeParameter {

    private TimeRangeParameter() {
    }

    /** The start of a range (inclusive); {@code null} when the parameter is absent. */
    public static Instant from(String value, String field, ZoneId zone) {
        return parse(value, field, zone, false);
    }

    /** The end of a range (exclusive); a day means up to the end of that day. */
    public static Instant to(String value, String field, ZoneId zone) {
        return parse(value, field, zone, true);
    }

    private static Instant parse(String value, String field, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim().replace(' ', '+');
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "{error.param.instant}");
        }
    }
}
