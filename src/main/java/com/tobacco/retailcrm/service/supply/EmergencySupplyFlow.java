package com.tobacco.retailcrm.service.supply;

import com.tobacco.retailcrm.workflow.api.CaseStepHandler;
import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.workflow.api.StepContext;
import com.tobacco.retailcrm.workflow.api.TaskCompleter;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The emergency-supply case type on the workflow engine: its steps have no effects of their own, its end records the
 * outcome and supply date, and its to-dos are completed through {@link EmergencySupplyService} (version, note and
 * the requester's exclusion checked there).
 */
@Component
class EmergencySupplyFlow implements CaseStepHandler, TaskCompleter {

    private final EmergencySupplyService service;
    private final SupplyJson json;

    EmergencySupplyFlow(@Lazy EmergencySupplyService service, @Lazy SupplyJson json) {
        this.service = service;
        this.json = json;
    }

    @Override
    public String caseType() {
        return EmergencySupplyService.CASE_TYPE;
    }

    @Override
    public Map<String, Object> onComplete(StepContext context) {
        return Map.of();
    }

    @Override
    public void onEnd(CaseView finished) {
        service.finish(finished);
    }

    @Override
    public String pageOf(long caseId) {
        return "/emergency-supply/" + caseId;
    }

    @Override
    public Map<String, Object> complete(String taskId, TaskCompletion completion) {
        return json.details(service.get(service.completeTask(taskId, completion).id()));
    }
}
