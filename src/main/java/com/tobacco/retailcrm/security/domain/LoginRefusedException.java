package com.tobacco.retailcrm.security.domain;

/** A sign-in was refused; {@code locked} tells a lockout (429) from bad credentials (401). */
public class LoginRefusedException extends RuntimeException {

    private final boolean locked;
    private final transient Object[] args;

    LoginRefusedException(boolean locked, String messageKey, Object... args) {
        super(messageKey);
        this.locked = locked;
        this.args = args;
    }

    public boolean locked() {
        return locked;
    }

    public Object[] args() {
        return args;
    }
}
