package com.tobacco.retailcrm.security.config;

import org.springframework.security.core.AuthenticationException;

/** A refused form sign-in, carrying the message key so the login page can say why in the user's language. */
public class CrmLoginException extends AuthenticationException {

    private final transient Object[] args;

    CrmLoginException(String messageKey, Object[] args) {
        super(messageKey);
        this.args = args;
    }

    public Object[] args() {
        return args;
    }
}
