package com.tobacco.retailcrm.workflow.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 办件 — a case with its steps and trail.
 *
 * @param status   OPEN, COMPLETED or REJECTED
 * @param dueAt    the whole case's limit (the sum of its steps' limits) on the working calendar from {@code startedAt}
 */
public record CaseView(long id, String caseType, String title, String status, long scopeOrgUnitId, String customerCode,
                       String startedBy, Instant startedAt, Instant dueAt, Instant endedAt, boolean overdue,
                       Map<String, Object> data, List<StepView> steps, List<TrailEntry> trail) {

    public java.util.Optional<StepView> currentStep() {
        return steps.stream().filter(s -> "CURRENT".equals(s.state())).findFirst();
    }
}
