package com.tobacco.retailcrm.workflow.api;

import java.time.Instant;
import java.util.List;

/**
 * Application event published once per task when it first passes its due time.
 *
 * @param notified the users told (the assignee or the candidates, and their supervisors)
 */
public record TaskOverdue(String taskId, String caseType, long caseId, int step, String stepName, Instant dueAt,
                          List<String> notified) {
}
