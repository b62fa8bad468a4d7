package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.workflow.api.TaskCompleter;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Change-request steps completed from the to-do list ({@code POST /api/v1/tasks/{id}/complete}) go through the
 * request's own checks and answer the request as its API shows it; the engine lists them among everyone's tasks.
 */
@Component
class ChangeRequestTasks implements TaskCompleter {

    private final ChangeRequestService service;
    private final ChangeRequestJson json;

    ChangeRequestTasks(ChangeRequestService service, ChangeRequestJson json) {
        this.service = service;
        this.json = json;
    }

    @Override
    public String caseType() {
        return ChangeRequestFlow.CASE_TYPE;
    }

    @Override
    public Map<String, Object> complete(String taskId, TaskCompletion completion) {
        return json.of(service.completeTask(taskId, completion.action() == null ? null : completion.action().name(),
                completion.comment()));
    }
}
