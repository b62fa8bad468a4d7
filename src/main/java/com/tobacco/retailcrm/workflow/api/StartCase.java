package com.tobacco.retailcrm.workflow.api;

import java.util.Map;

/**
 * A request to open a case (办件).
 *
 * @param caseType       the kind of case, e.g. {@code ONBOARDING}; keys its {@link CaseStepHandler}
 * @param processKey     the BPMN process to run, one file per process in {@code resources/processes}; a family of
 *                       case types sharing one handler (the change requests) has a process per type
 * @param title          what the case is about, shown in lists (e.g. the store name)
 * @param scopeOrgUnitId the org unit whose people work the county-level steps (candidate groups {@code ROLE@${scopeOrgUnitId}})
 * @param customerCode   the customer concerned, if already known
 * @param data           the case's own data (kept as JSON and passed to the handler); values must be JSON-friendly
 * @param variables      extra process variables the process's expressions read (assignees, runtime roles, step
 *                       limits such as {@code flowable:dueDate="${limit_X}"}); never personal values, which the
 *                       engine keeps in clear
 */
public record StartCase(String caseType, String processKey, String title, long scopeOrgUnitId, String customerCode,
                        Map<String, Object> data, Map<String, Object> variables) {

    public StartCase {
        data = data == null ? Map.of() : Map.copyOf(data);
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(variables));
    }

    /** A case whose process key is its type and which needs no extra variables. */
    public StartCase(String caseType, String title, long scopeOrgUnitId, String customerCode, Map<String, Object> data) {
        this(caseType, caseType, title, scopeOrgUnitId, customerCode, data, Map.of());
    }
}
