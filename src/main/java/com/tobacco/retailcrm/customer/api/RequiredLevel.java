package com.tobacco.retailcrm.customer.api;

/** Who requires a field to be filled: the national bureau (国家局必填), the province (省局必填), or nobody. */
public enum RequiredLevel {
    NATIONAL, PROVINCIAL, OPTIONAL
}
