package com.tobacco.retailcrm.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.api.EnumOption;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldGroup;
import com.tobacco.retailcrm.customer.api.FieldType;
import com.tobacco.retailcrm.customer.api.MaintenanceClass;
import com.tobacco.retailcrm.customer.api.RequiredLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldValuesTest {

    static FieldDefinition field(String key, FieldType type, String format, Integer maxLength, String min, String max,
                                 boolean minExclusive, Integer scale, List<EnumOption> options) {
        return new FieldDefinition(key, FieldGroup.BASIC, key, key, type, format, maxLength,
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), minExclusive, scale,
                MaintenanceClass.STATIC, RequiredLevel.PROVINCIAL, false, false, 10, options, 0);
    }

    private static final FieldDefinition LONGITUDE = field("longitude", FieldType.DECIMAL, null, null, "-180", "180", false, 6, List.of());
    private static final FieldDefinition AREA = field("businessArea", FieldType.DECIMAL, null, null, "0", null, true, 2, List.of());
    private static final FieldDefinition SHARE = field("tobaccoShare", FieldType.DECIMAL, null, null, "0", "100", false, 2, List.of());
    private static final FieldDefinition COUNT = field("brandCount", FieldType.INTEGER, null, null, "0", null, false, null, List.of());
    private static final FieldDefinition FORMAT = field("retailFormat", FieldType.ENUM, null, null, null, null, false, null,
            List.of(new EnumOption("1", "食杂店", "Grocery"), new EnumOption("2", "便利店", "Convenience")));
    private static final FieldDefinition ID = field("idCardNo", FieldType.TEXT, "ID_CARD", null, null, null, false, null, List.of());
    private static final FieldDefinition NAME = field("storeName", FieldType.TEXT, null, 5, null, null, false, null, List.of());

    private static Object parse(FieldDefinition f, Object raw, List<Violation> problems) {
        return FieldValues.parse(f, raw, problems);
    }

    private static List<String> problemsOf(FieldDefinition f, Object raw) {
        List<Violation> problems = new ArrayList<>();
        parse(f, raw, problems);
        return problems.stream().map(Violation::messageKey).toList();
    }

    @Test
    void decimalRangesAreInclusiveOrExclusiveAsTheDictionarySays() {
        assertThat(problemsOf(LONGITUDE, new BigDecimal("-180"))).isEmpty();
        assertThat(problemsOf(LONGITUDE, new BigDecimal("180.000001"))).containsExactly("customer.error.range.max");
        assertThat(problemsOf(LONGITUDE, "120.1234567")).containsExactly("customer.error.decimal.scale");
        assertThat(problemsOf(AREA, 0)).containsExactly("customer.error.range.minExclusive");
        assertThat(problemsOf(AREA, "0.01")).isEmpty();
        assertThat(problemsOf(SHARE, 100)).isEmpty();
        assertThat(problemsOf(SHARE, "100.5")).containsExactly("customer.error.range.max");
        assertThat(problemsOf(SHARE, "abc")).containsExactly("customer.error.decimal");
    }

    @Test
    void integersAreWholeAndNotNegative() {
        assertThat(parse(COUNT, "12", new ArrayList<>())).isEqualTo(12);
        assertThat(problemsOf(COUNT, -1)).containsExactly("customer.error.range.min");
        assertThat(problemsOf(COUNT, new BigDecimal("1.5"))).containsExactly("customer.error.integer");
        assertThat(problemsOf(COUNT, "99999999999")).containsExactly("customer.error.integer");
    }

    @Test
    void enumsTakeOnlyTheirCodes() {
        assertThat(parse(FORMAT, "2", new ArrayList<>())).isEqualTo("2");
        assertThat(problemsOf(FORMAT, "7")).containsExactly("customer.error.enum");
        assertThat(problemsOf(FORMAT, "便利店")).containsExactly("customer.error.enum");
    }

    @Test
    void textFormatsAreNormalisedThenChecked() {
        assertThat(parse(ID, " 11010519491231002x ", new ArrayList<>())).isEqualTo("11010519491231002X");
        assertThat(problemsOf(ID, "110105194912310021")).containsExactly("customer.error.format.ID_CARD");
        assertThat(problemsOf(NAME, "华信超市便利")).containsExactly("customer.error.text.tooLong");
        assertThat(problemsOf(NAME, 12)).containsExactly("customer.error.text");
    }

    @Test
    void blankMeansNoValueAndDatesAreIso() {
        FieldDefinition date = field("licenceIssueDate", FieldType.DATE, null, null, null, null, false, null, List.of());
        assertThat(parse(date, "   ", new ArrayList<>())).isNull();
        assertThat(parse(date, "2026-02-28", new ArrayList<>())).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(problemsOf(date, "2026-02-30")).containsExactly("customer.error.date");
        assertThat(problemsOf(date, "28/02/2026")).containsExactly("customer.error.date");
    }

    @Test
    void booleansAndPhones() {
        FieldDefinition flag = field("monitored", FieldType.BOOLEAN, null, null, null, null, false, null, List.of());
        FieldDefinition phone = field("orderPhone", FieldType.PHONE, null, null, null, null, false, null, List.of());
        assertThat(parse(flag, "true", new ArrayList<>())).isEqualTo(true);
        assertThat(problemsOf(flag, "yes")).containsExactly("customer.error.boolean");
        assertThat(parse(phone, "0571-87654321", new ArrayList<>())).isEqualTo("0571-87654321");
        assertThat(problemsOf(phone, "12345")).containsExactly("customer.error.phone");
    }

    @Test
    void sameValueIgnoresDecimalTrailingZeros() {
        assertThat(FieldValues.same(new BigDecimal("2.50"), new BigDecimal("2.5"))).isTrue();
        assertThat(FieldValues.same(null, "x")).isFalse();
    }
}
