package com.tobacco.retailcrm.maintenance.fields;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.workflow.api.CaseField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The data of the archive's cases (onboarding, change requests) are archive fields: their labels, value texts,
 * personal flag and form inputs come from the field dictionary (客户档案字段), for the engine's generic case page.
 */
@Component
public class ArchiveCaseFields {

    private final CustomerFields fields;

    ArchiveCaseFields(CustomerFields fields) {
        this.fields = fields;
    }

    public String label(String key) {
        return fields.find(key).map(f -> f.label(locale())).orElse(key);
    }

    /** Enum codes by their names from the dictionary (市场类型：城镇). */
    public String valueText(String key, Object value) {
        return fields.find(key).map(f -> f.valueText(value, locale()))
                .orElse(value == null ? null : String.valueOf(value));
    }

    public boolean personal(String key) {
        return fields.find(key).map(FieldDefinition::sensitive).orElse(false);
    }

    /** The form inputs of the fields a step asks for, in order; those in {@code required} are marked as needed. */
    public List<CaseField> form(List<String> keys, List<String> required) {
        return keys.stream().map(fields::find).flatMap(Optional::stream)
                .map(f -> field(f, required.contains(f.key()))).toList();
    }

    private static CaseField field(FieldDefinition f, boolean required) {
        Locale locale = locale();
        CaseField.Kind kind = switch (f.type()) {
            case ENUM -> CaseField.Kind.CHOICE;
            case BOOLEAN -> CaseField.Kind.YES_NO;
            case DATE -> CaseField.Kind.DATE;
            default -> CaseField.Kind.TEXT;
        };
        return new CaseField(f.key(), f.label(locale), kind, f.options().stream()
                .map(o -> new CaseField.Option(o.code(), o.label(locale))).toList(), required);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
