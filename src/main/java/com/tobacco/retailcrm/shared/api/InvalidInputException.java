package com.tobacco.retailcrm.shared.api;

import java.util.List;

/**
 * The request is invalid (400). Carries every field problem at once so a client can fix them in one go.
 * Messages are already localised by whoever raised it, or are message keys resolved by the error handler.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
