package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import org.springframework.context.i18n.LocaleContextHolder;

/** Case values as the case page shows them: enum codes by their names from the field dictionary (市场类型：城镇). */
public record ValueTexts(CustomerFields fields) {

    /** Called from the template for each trail and case value. */
    public String of(String field, Object value) {
        return fields.find(field).map(f -> f.valueText(value, LocaleContextHolder.getLocale()))
                .orElse(value == null ? null : String.valueOf(value));
    }
}
