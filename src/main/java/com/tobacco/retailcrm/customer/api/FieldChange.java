package com.tobacco.retailcrm.customer.api;

/** One field that changed, with values as shown to people (sensitive values masked). */
public record FieldChange(String field, String oldValue, String newValue) {
}
