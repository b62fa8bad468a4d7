package com.tobacco.retailcrm.customer.io;

import java.util.ArrayList;
import java.util.List;

/** Counts and errors of a chunk of rows, added to the import record in one statement. */
final class ImportTally {

    private int created;
    private int updated;
    private int unchanged;
    private int failed;
    private final List<ImportError> errors = new ArrayList<>();

    void add(RowResult.Outcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case FAILED -> failed++;
        }
    }

    void error(ImportError error) {
        errors.add(error);
    }

    int processed() {
        return created + updated + unchanged + failed;
    }

    int created() {
        return created;
    }

    int updated() {
        return updated;
    }

    int unchanged() {
        return unchanged;
    }

    int failed() {
        return failed;
    }

    List<ImportError> errors() {
        return errors;
    }
}
