package com.tobacco.retailcrm.shared.api;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a change says which version it acts on (docs/api.md, Conventions): {@code version} in the body, else the
 * header {@code If-Match: "3"} (bare {@code 3} and the weak {@code W/"3"} too, as clients and proxies send it).
 * A module names, once, the field and message its clients already know a malformed version by; whether a missing
 * one is allowed stays with the caller ({@link Versions#required}).
 *
 * @param field   the problem's field for a malformed version ({@code version} or {@code If-Match})
 * @param message the problem's message (a message key in braces)
 */
public record SentVersion(String field, String message) {

    /** A version is a whole number of at most 18 digits, so it always fits a {@code long}. */
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    /** The version from the body, else from If-Match; null when neither carries one; a 400 when it is malformed. */
    public Long of(Long inBody, String ifMatch) {
        if (inBody != null) {
            if (inBody < 0) {
                throw malformed();
            }
            return inBody;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher m = TAG.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw malformed();
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * {@link #of} for a body read as a map (a JSON merge patch), where {@code version} is whatever JSON value was sent:
     * a whole, non-negative number of at most 18 digits; a string, a fraction or anything else is malformed.
     */
    public Long ofJsonValue(Object inBody, String ifMatch) {
        if (inBody == null) {
            return of(null, ifMatch);
        }
        if (!(inBody instanceof Number n)) {
            throw malformed();
        }
        try {
            BigDecimal sent = new BigDecimal(n.toString());
            if (sent.scale() > 0) {
                throw malformed(); // 3.0 too: a version is written as a whole number
            }
            return of(sent.longValueExact(), ifMatch);
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed();
        }
    }

    private InvalidInputException malformed() {
        return new InvalidInputException(field, message);
    }
}
