package com.tobacco.retailcrm.workflow.api;

import java.time.Instant;
import java.util.Map;

/**
 * 办理记录 — one completed task in a case's trail: who acted (and for whom, under AB岗), when, what and why.
 *
 * @param taskId the engine task that was completed
 */
public record TrailEntry(long id, int step, String stepKey, String stepName, TaskAction action, String actor,
                         String actingFor, String comment, Map<String, Object> data, Instant taskCreatedAt,
                         Instant taskDueAt, Instant at, String taskId) {
}
