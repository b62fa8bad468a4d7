package com.tobacco.retailcrm.shared.api;

/** One invalid field of a request: the field's name as the client sent it and a message for a person. */
public record FieldProblem(String field, String message) {
}
