package com.tobacco.retailcrm.workflow.api;

import java.util.Map;

/**
 * What a {@link CaseStepHandler} gets when a task of its case type is being completed, before the engine moves on.
 *
 * @param actor     the user who acts (already checked to hold the step's role within its scope)
 * @param actingFor the user they act for under AB岗, or null
 */
public record StepContext(CaseView caseView, String stepKey, int step, TaskAction action, String comment,
                          Map<String, Object> data, String actor, String actingFor) {
}
