package com.tobacco.retailcrm.workflow.api;

import java.util.Map;

/** The body of {@code POST /api/v1/tasks/{id}/complete}: the decision, a comment (the reason of a send-back), and the step's data. */
public record TaskCompletion(TaskAction action, String comment, Map<String, Object> data) {

    public TaskCompletion {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
