package com.tobacco.retailcrm.shared.api;

/** A duplicate key or a stale version (409). */
public class ConflictException extends RuntimeException {

    private final transient Object[] args;
    private final String field;

    public ConflictException(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args;
    }
}
