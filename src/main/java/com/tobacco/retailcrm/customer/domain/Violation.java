package com.tobacco.retailcrm.customer.domain;

import java.util.List;

/** A broken rule on one field: a message key of the customer bundle and its arguments after the field's label. */
public record Violation(String field, String messageKey, List<Object> args) {

    public static Violation of(String field, String messageKey, Object... args) {
        return new Violation(field, messageKey, List.of(args));
    }
}
