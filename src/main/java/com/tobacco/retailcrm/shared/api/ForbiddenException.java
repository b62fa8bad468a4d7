package com.tobacco.retailcrm.shared.api;

import java.util.List;

/** Authenticated but not allowed (403); may list the fields that are outside the caller's permission. */
public class ForbiddenException extends RuntimeException {

    private final transient Object[] args;
    private final transient List<FieldProblem> problems;

    public ForbiddenException(List<FieldProblem> problems, String messageKey, Object... args) {
        super(messageKey);
        this.problems = List.copyOf(problems);
        this.args = args;
    }

    public ForbiddenException(String messageKey, Object... args) {
        this(List.of(), messageKey, args);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Object[] args() {
        return args;
    }
}
