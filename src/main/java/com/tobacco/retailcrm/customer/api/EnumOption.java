package com.tobacco.retailcrm.customer.api;

/** One allowed code of an enum field with its Chinese and English names (e.g. {@code 2 便利店}). */
public record EnumOption(String code, String labelZh, String labelEn) {

    /** The name in the language asked for (English for {@code en}, Chinese otherwise). */
    public String label(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }
}
