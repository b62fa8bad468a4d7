package com.tobacco.retailcrm.workflow.api;

import java.time.Instant;
import java.util.Set;

/**
 * One step of a case as its page shows it.
 *
 * @param state       DONE, CURRENT or PENDING
 * @param limit       the step's limit as written in its process, e.g. {@code 0.5 WORKING_DAY}
 * @param createdAt   when the step (last) opened; null while pending
 * @param dueAt       its due time on the working calendar; null while pending
 * @param completedAt when it was last completed
 * @param overdue     open past its due time, or completed after it
 */
public record StepView(int number, String key, String name, String role, String limit, Set<TaskAction> actions,
                       String state, String taskId, Instant createdAt, Instant dueAt, Instant completedAt,
                       String actor, String actingFor, TaskAction action, String comment, boolean overdue) {
}
