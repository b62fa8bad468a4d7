package com.tobacco.retailcrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A stored value reads by its enum name in the reader's language; other values read as they are. */
class FieldDefinitionValueTextTest {

    private static FieldDefinition field(FieldType type, List<EnumOption> options) {
        return new FieldDefinition("marketType", FieldGroup.BASIC, "市场类型", "Market type", type, null, null, null,
                null, false, null, MaintenanceClass.STATIC, RequiredLevel.NATIONAL, false, false, 1, options, 0);
    }

    @Test
    void anEnumCodeReadsAsItsNameInTheReadersLanguage() {
        FieldDefinition f = field(FieldType.ENUM, List.of(new EnumOption("1", "城网", "Urban"),
                new EnumOption("2", "农网", "Rural")));
        assertThat(f.valueText("1", Locale.CHINA)).isEqualTo("城网");
        assertThat(f.valueText("2", Locale.ENGLISH)).isEqualTo("Rural");
    }

    @Test
    void anUnknownCodeOrAPlainValueReadsAsItIsAndNoneStaysNone() {
        FieldDefinition f = field(FieldType.ENUM, List.of(new EnumOption("1", "城网", "Urban")));
        assertThat(f.valueText("9", Locale.CHINA)).isEqualTo("9");
        assertThat(f.valueText(new java.math.BigDecimal("35.5"), Locale.CHINA)).isEqualTo("35.5");
        assertThat(f.valueText(null, Locale.CHINA)).isNull();
    }
}
