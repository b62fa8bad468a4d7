package com.tobacco.retailcrm.workflow.api;

import java.time.Instant;

/** A case in a list: where it stands now. */
public record CaseSummary(long id, String caseType, String title, String status, long scopeOrgUnitId,
                          String customerCode, String startedBy, Instant startedAt, Instant dueAt, Instant endedAt,
                          Integer currentStep, String currentStepName, boolean overdue) {
}
