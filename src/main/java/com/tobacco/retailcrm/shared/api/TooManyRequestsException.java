package com.tobacco.retailcrm.shared.api;

/** Too many requests or login attempts (429). */
public class TooManyRequestsException extends RuntimeException {

    private final transient Object[] args;

    public TooManyRequestsException(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    public Object[] args() {
        return args;
    }
}
