package com.tobacco.retailcrm.customer.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * 字段定义 — one field of the customer dictionary as other modules see it.
 *
 * @param format    a stricter rule for a text field (CUSTOMER_CODE, LICENCE_NO, ID_CARD, CREDIT_CODE, BANK_ACCOUNT,
 *                  REGION_CODE), or null
 * @param custom    added by the deployment: stored in the customer's jsonb, never SYSTEM or sensitive
 */
public record FieldDefinition(String key, FieldGroup group, String labelZh, String labelEn, FieldType type,
                              String format, Integer maxLength, BigDecimal minValue, BigDecimal maxValue,
                              boolean minExclusive, Integer scale, MaintenanceClass maintenance,
                              RequiredLevel requiredLevel, boolean sensitive, boolean custom, int sortOrder,
                              List<EnumOption> options, long version) {

    public boolean system() {
        return maintenance == MaintenanceClass.SYSTEM;
    }

    /** The label in the language asked for (English for {@code en}, Chinese otherwise). */
    public String label(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }

    /**
     * A stored value as people read it: an enum code by its name ({@code 1} → 城镇), a yes/no field as 是/否, anything
     * else as it is.
     */
    public String valueText(Object value, java.util.Locale locale) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        if (type == FieldType.BOOLEAN && ("true".equals(text) || "false".equals(text))) {
            boolean en = "en".equals(locale.getLanguage());
            return Boolean.parseBoolean(text) ? (en ? "Yes" : "是") : (en ? "No" : "否");
        }
        return option(text).map(o -> o.label(locale)).orElse(text);
    }

    /** The option with this code, if the field is an enum and has it. */
    public java.util.Optional<EnumOption> option(String code) {
        for (EnumOption o : options) {   // a loop, not a stream: asked for every enum cell of every imported row
            if (o.code().equals(code)) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }
}
