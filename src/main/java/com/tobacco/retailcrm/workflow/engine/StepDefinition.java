package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.workflow.api.TaskAction;
import java.util.Set;

/**
 * A step of a case type as its BPMN user task declares it.
 *
 * @param role       the candidate role ({@code CUSTOMER_MANAGER@${scopeOrgUnitId}} → CUSTOMER_MANAGER), null when the
 *                   task is assigned to a person (e.g. the initiator)
 * @param scopeVariable the process variable naming the org unit within which the role may take the task
 */
record StepDefinition(int number, String key, String name, String role, String scopeVariable, StepLimit limit,
                      Set<TaskAction> actions) {
}
