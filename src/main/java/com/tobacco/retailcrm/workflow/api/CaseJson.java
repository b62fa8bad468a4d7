package com.tobacco.retailcrm.workflow.api;

import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.workflow.api.StepView;
import com.tobacco.retailcrm.workflow.api.TrailEntry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** A case in the API's words; instants with the company's offset (+08:00). */
public final class CaseJson {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CaseJson() {
    }

    public static String time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZONE).toString();
    }

    public static Map<String, Object> of(CaseView c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("caseType", c.caseType());
        json.put("title", c.title());
        json.put("status", c.status());
        json.put("customerCode", c.customerCode());
        json.put("scopeOrgUnitId", c.scopeOrgUnitId());
        json.put("startedBy", c.startedBy());
        json.put("startedAt", time(c.startedAt()));
        json.put("dueAt", time(c.dueAt()));
        json.put("endedAt", time(c.endedAt()));
        json.put("overdue", c.overdue());
        json.put("data", c.data());
        json.put("currentStep", c.currentStep().map(StepView::number).orElse(null));
        json.put("steps", c.steps().stream().map(CaseJson::step).toList());
        json.put("trail", c.trail().stream().map(CaseJson::trail).toList());
        return json;
    }

    private static Map<String, Object> step(StepView s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("step", s.number());
        json.put("key", s.key());
        json.put("name", s.name());
        json.put("role", s.role());
        json.put("limit", s.limit());
        json.put("actions", s.actions());
        json.put("state", s.state());
        json.put("taskId", s.taskId());
        json.put("createdAt", time(s.createdAt()));
        json.put("dueAt", time(s.dueAt()));
        json.put("completedAt", time(s.completedAt()));
        json.put("who", s.actor());
        json.put("actingFor", s.actingFor());
        json.put("action", s.action());
        json.put("comment", s.comment());
        json.put("overdue", s.overdue());
        return json;
    }

    private static Map<String, Object> trail(TrailEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("step", e.step());
        json.put("stepKey", e.stepKey());
        json.put("name", e.stepName());
        json.put("action", e.action());
        json.put("who", e.actor());
        json.put("actingFor", e.actingFor());
        json.put("comment", e.comment());
        json.put("data", e.data());
        json.put("createdAt", time(e.taskCreatedAt()));
        json.put("dueAt", time(e.taskDueAt()));
        json.put("at", time(e.at()));
        return json;
    }
}
