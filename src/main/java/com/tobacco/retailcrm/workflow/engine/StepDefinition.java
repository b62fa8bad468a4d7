package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.workflow.api.StepLimit;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step of a case type as its BPMN user task declares it.
 *
 * @param role           the candidate role ({@code CUSTOMER_MANAGER@${scopeOrgUnitId}} → CUSTOMER_MANAGER); null when
 *                       the task is assigned to a person only, or when the role is itself a variable
 *                       ({@code ${deptRole}@${companyOrgUnitId}})
 * @param scopeVariable  the process variable naming the org unit within which the role may take the task
 * @param dueDate        the task's {@code flowable:dueDate}: a limit ({@code 0.5 WORKING_DAY}) or {@code ${variable}}
 *                       naming a start variable that holds one
 * @param notByInitiator four eyes: whoever started the case may not take this step
 */
record StepDefinition(int number, String key, String name, String role, String scopeVariable, String dueDate,
                      Set<TaskAction> actions, boolean notByInitiator) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");

    StepDefinition {
        if (limitVariable(dueDate) == null) {
            StepLimit.parse(dueDate);  // a literal limit that does not parse stops the deployment, not a case later
        }
    }

    /** The variable a {@code ${variable}} due date reads, or null for a literal limit. */
    static String limitVariable(String dueDate) {
        Matcher m = VARIABLE.matcher(dueDate.trim());
        return m.matches() ? m.group(1) : null;
    }

    /** The step's limit, reading a variable limit from the case's variables. */
    StepLimit limit(Map<String, Object> variables) {
        String variable = limitVariable(dueDate);
        if (variable == null) {
            return StepLimit.parse(dueDate);
        }
        Object value = variables.get(variable);
        if (value == null) {
            throw new IllegalStateException("step " + key + " reads its limit from variable " + variable + ", not set");
        }
        return StepLimit.parse(value.toString());
    }

    boolean variableLimit() {
        return limitVariable(dueDate) != null;
    }
}
