package com.tobacco.retailcrm.workflow.api;

import java.util.Map;

/**
 * Completes the engine tasks of one case type through that type's own service — its checks and its answer, as
 * JSON — instead of the engine's generic completion: {@code POST /api/v1/tasks/{id}/complete} hands such a task to
 * the bean for its case type (e.g. change requests, whose API shows the request, not the generic case).
 */
public interface TaskCompleter {

    String caseType();

    /** Completes the task as the signed-in user (403 wrong person, 400/422 bad action); answers the case afterwards. */
    Map<String, Object> complete(String taskId, TaskCompletion completion);
}
