package com.tobacco.retailcrm.workflow.api;

import java.time.Instant;

/**
 * 待办 — one open task as the to-do list shows it. Either {@code assignee} is set, or {@code candidateRole} (with the
 * org unit within which that role may take it).
 *
 * @param step    the step's number within its case type (1-based, as in docs/domain/maintenance.md)
 * @param stepKey the BPMN user task id, stable for code
 * @param dueAt   {@code createdAt} plus the step's limit on the working calendar
 * @param actingFor the user the caller would act for (AB岗), when the caller sees it only as a backup
 */
public record TaskView(String id, String caseType, long caseId, String caseTitle, int step, String stepKey, String name,
                       String assignee, String candidateRole, Long candidateOrgUnitId, Instant createdAt, Instant dueAt,
                       boolean overdue, String actingFor) {
}
