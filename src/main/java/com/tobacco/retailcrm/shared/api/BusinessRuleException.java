package com.tobacco.retailcrm.shared.api;

/** A business rule refuses the action (422); the message says which rule, as a message key or plain text. */
public class BusinessRuleException extends RuntimeException {

    private final transient Object[] args;

    public BusinessRuleException(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    public Object[] args() {
        return args;
    }
}
