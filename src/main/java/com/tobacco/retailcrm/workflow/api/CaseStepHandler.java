package com.tobacco.retailcrm.workflow.api;

import java.util.List;
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

    /**
     * Process variables to set as the task completes, after {@link #onComplete} did its work (e.g. the collection a
     * following multi-instance step runs over, which only the step's effect can tell). None by default.
     */
    default Map<String, Object> variablesOnComplete(StepContext context) {
        return Map.of();
    }

    /** After the process reached its end (all steps done, or ended by a rejection). */
    default void onEnd(CaseView finished) {
    }

    /** The page where a case of this type is worked on (links of notifications). */
    default String pageOf(long caseId) {
        return "/cases/" + caseId;
    }

    /** The fields a step asks for on the generic case page ({@code /cases/{id}}), in the reader's language. None by default. */
    default List<CaseField> stepForm(String stepKey) {
        return List.of();
    }

    /** The label of a data key of this case type on its page, in the reader's language; the key itself by default. */
    default String label(String key) {
        return key;
    }

    /** A data value as its page shows it (an enum code by its name); the value as text by default. */
    default String valueText(String key, Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /**
     * Whether a data value is personal (ID card, phones, address, bank account): the trail, kept in clear, then only
     * records that it was given. None by default.
     */
    default boolean personal(String key) {
        return false;
    }
}
