package com.tobacco.retailcrm.security.domain;

import java.time.Duration;

/**
 * A sign-in was refused; {@code locked} tells a lockout (429, with how long until another try is worth making) from
 * bad credentials (401).
 */
public class LoginRefusedException extends RuntimeException {

    private final boolean locked;
    private final Duration retryAfter;
    private final transient Object[] args;

    LoginRefusedException(boolean locked, String messageKey, Object... args) {
        this(locked, Duration.ZERO, messageKey, args);
    }

    private LoginRefusedException(boolean locked, Duration retryAfter, String messageKey, Object... args) {
        super(messageKey);
        this.locked = locked;
        this.retryAfter = retryAfter;
        this.args = args;
    }

    static LoginRefusedException locked(Duration retryAfter, String messageKey, Object... args) {
        return new LoginRefusedException(true, retryAfter, messageKey, args);
    }

    public boolean locked() {
        return locked;
    }

    /** Whole seconds until the lock ends (at least 1), for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }

    public Object[] args() {
        return args;
    }
}
