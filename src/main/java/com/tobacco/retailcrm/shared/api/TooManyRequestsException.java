package com.tobacco.retailcrm.shared.api;

import java.time.Duration;

/** Too many requests or login attempts (429), with how long until another try is worth making when known. */
public class TooManyRequestsException extends RuntimeException {

    private final transient Object[] args;
    private final Duration retryAfter;

    public TooManyRequestsException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    public TooManyRequestsException(Duration retryAfter, String messageKey, Object... args) {
        super(messageKey);
        this.retryAfter = retryAfter;
        this.args = args;
    }

    public Object[] args() {
        return args;
    }

    /** Whole seconds for a {@code Retry-After} header (at least 1), or null when unknown. */
    public Long retryAfterSeconds() {
        return retryAfter == null ? null : Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }
}
