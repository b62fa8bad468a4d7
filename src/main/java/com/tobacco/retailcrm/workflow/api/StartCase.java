package com.tobacco.retailcrm.workflow.api;

import java.util.Map;

/**
 * A request to open a case (办件).
 *
 * @param caseType       the BPMN process key, e.g. {@code ONBOARDING}; one file per type in {@code resources/processes}
 * @param title          what the case is about, shown in lists (e.g. the store name)
 * @param scopeOrgUnitId the org unit whose people work the county-level steps (candidate groups {@code ROLE@${scopeOrgUnitId}})
 * @param customerCode   the customer concerned, if already known
 * @param data           the case's own data (kept as JSON and passed to the handler); values must be JSON-friendly
 */
public record StartCase(String caseType, String title, long scopeOrgUnitId, String customerCode, Map<String, Object> data) {

    public StartCase {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
