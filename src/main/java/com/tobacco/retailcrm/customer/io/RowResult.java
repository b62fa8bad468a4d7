package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import java.util.List;

/** What became of one row: created, updated, unchanged, or failed with every problem found in it. */
record RowResult(int row, Outcome outcome, List<FieldProblem> problems) {

    enum Outcome {
        CREATED, UPDATED, UNCHANGED, FAILED
    }

    static RowResult of(int row, Outcome outcome) {
        return new RowResult(row, outcome, List.of());
    }

    static RowResult failed(int row, List<FieldProblem> problems) {
        return new RowResult(row, Outcome.FAILED, List.copyOf(problems));
    }
}
