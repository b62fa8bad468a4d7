package com.tobacco.retailcrm.workflow.api;

/**
 * The cases as a read-only SQL view for set-based work in other modules (indicators): one row per case with the
 * columns {@code id, case_type, status, started_at, due_at, ended_at}; {@code due_at} is the whole case's limit on
 * the working calendar. No data scope: the caller applies its own.
 */
public final class CaseFacts {

    public static final String VIEW = "workflow_case_facts";

    private CaseFacts() {
    }
}
