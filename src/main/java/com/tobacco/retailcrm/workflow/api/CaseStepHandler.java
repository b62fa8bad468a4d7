package com.tobacco.retailcrm.workflow.api;

import java.util.Map;

/**
 * The effects of a case type's steps (a bean per case type). Called inside the completing transaction after role,
 * scope and action were checked: throw {@link com.tobacco.retailcrm.shared.api.InvalidInputException} for bad
 * {@code data} (400 naming the fields) or {@link com.tobacco.retailcrm.shared.api.BusinessRuleException} (422); nothing
 * is then written. Return values to merge into the case's data ({@code customerCode} also sets the case's customer).
 */
public interface CaseStepHandler {

    String caseType();

    Map<String, Object> onComplete(StepContext context);

    /** After the process reached its end (all steps done, or ended by a rejection). */
    default void onEnd(CaseView finished) {
    }
}
