package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.workflow.api.CaseJson;
import com.tobacco.retailcrm.workflow.api.TaskView;
import java.util.LinkedHashMap;
import java.util.Map;

/** A task in the API's words: {@code assignee} or {@code candidateRole}, never both. */
final class TaskJson {

    private TaskJson() {
    }

    static Map<String, Object> of(TaskView t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("caseType", t.caseType());
        json.put("caseId", t.caseId());
        json.put("caseTitle", t.caseTitle());
        json.put("step", t.step());
        json.put("stepKey", t.stepKey());
        json.put("name", t.name());
        if (t.assignee() != null) {
            json.put("assignee", t.assignee());
        } else {
            json.put("candidateRole", t.candidateRole());
            json.put("candidateOrgUnitId", t.candidateOrgUnitId());
        }
        json.put("createdAt", CaseJson.time(t.createdAt()));
        json.put("dueAt", CaseJson.time(t.dueAt()));
        json.put("overdue", t.overdue());
        if (t.actingFor() != null) {
            json.put("actingFor", t.actingFor());
        }
        return json;
    }
}
