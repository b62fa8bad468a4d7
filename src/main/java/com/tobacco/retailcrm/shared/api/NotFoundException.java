package com.tobacco.retailcrm.shared.api;

/** The resource does not exist, or is outside the caller's data scope (404). */
public class NotFoundException extends RuntimeException {

    private final transient Object[] args;

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    public Object[] args() {
        return args;
    }
}
