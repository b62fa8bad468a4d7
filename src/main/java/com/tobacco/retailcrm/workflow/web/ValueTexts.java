package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.workflow.api.CaseStepHandler;

/**
 * Case values as the case page shows them, in the words of the case type (市场类型：城镇); as stored for a type without a
 * handler.
 */
public record ValueTexts(CaseStepHandler handler) {

    /** Called from the template for each trail and case value. */
    public String of(String field, Object value) {
        return handler != null ? handler.valueText(field, value) : value == null ? null : String.valueOf(value);
    }

    String label(String key) {
        return handler != null ? handler.label(key) : key;
    }
}
