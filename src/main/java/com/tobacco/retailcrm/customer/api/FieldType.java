package com.tobacco.retailcrm.customer.api;

/** The kind of value a customer field holds; decides how it is parsed, validated, stored and shown. */
public enum FieldType {
    TEXT, DATE, ENUM, DECIMAL, INTEGER, BOOLEAN, PHONE, USER, IMAGE
}
