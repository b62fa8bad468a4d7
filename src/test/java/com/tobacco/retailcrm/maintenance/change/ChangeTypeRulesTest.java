package com.tobacco.retailcrm.maintenance.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldGroup;
import com.tobacco.retailcrm.customer.api.FieldType;
import com.tobacco.retailcrm.customer.api.MaintenanceClass;
import com.tobacco.retailcrm.customer.api.RequiredLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of the change-request types: which fields each may carry, their routes, and the step limits. */
class ChangeTypeRulesTest {

    private static FieldDefinition field(String key, FieldType type) {
        return new FieldDefinition(key, FieldGroup.BASIC, key, key, type, null, null, null, null, false, null,
                MaintenanceClass.STATIC, RequiredLevel.OPTIONAL, false, false, 0, List.of(), 0);
    }

    @Test
    void phoneChangeCarriesOnlyPhoneFields() {
        assertThat(ChangeType.PHONE.misfit(field("orderPhone", FieldType.PHONE))).isEmpty();
        assertThat(ChangeType.PHONE.misfit(field("address", FieldType.TEXT))).contains("change.error.field.notPhone");
    }

    @Test
    void generalChangeSendsPhonesThroughThePhoneProcedure() {
        assertThat(ChangeType.GENERAL.misfit(field("orderPhone", FieldType.PHONE))).contains("change.error.field.usePhone");
        assertThat(ChangeType.GENERAL.misfit(field("address", FieldType.TEXT))).isEmpty();
        assertThat(ChangeType.URGENT.misfit(field("orderPhone", FieldType.PHONE))).isEmpty();
    }

    @Test
    void orderCycleAndAttributeChangesCarryOnlyTheirFields() {
        assertThat(ChangeType.ORDER_CYCLE.misfit(field("orderDay", FieldType.ENUM))).isEmpty();
        assertThat(ChangeType.ORDER_CYCLE.misfit(field("retailFormat", FieldType.ENUM))).isPresent();
        assertThat(ChangeType.ATTRIBUTE.misfit(field("retailFormat", FieldType.ENUM))).isEmpty();
        assertThat(ChangeType.ATTRIBUTE.misfit(field("monthlyAgreedQty", FieldType.INTEGER))).isEmpty();
        assertThat(ChangeType.ATTRIBUTE.misfit(field("orderDay", FieldType.ENUM))).isPresent();
    }

    @Test
    void photosNeverGoThroughARequest() {
        for (ChangeType type : ChangeType.values()) {
            assertThat(type.misfit(field("storefrontPhoto", FieldType.IMAGE))).contains("change.error.field.image");
        }
    }

    @Test
    void routesFollowDomainSectionThreeTwo() {
        assertThat(ChangeType.GENERAL.route()).containsExactly(StepKey.COUNTY_CHECK, StepKey.MARKET_APPLY, StepKey.COUNTY_CONFIRM);
        assertThat(ChangeType.URGENT.route()).isEqualTo(ChangeType.GENERAL.route());
        assertThat(ChangeType.PHONE.route()).containsExactly(StepKey.MANAGER_REVIEW, StepKey.MARKET_MANAGER_APPROVE, StepKey.MARKET_APPLY);
        assertThat(ChangeType.ORDER_CYCLE.route().get(2)).isEqualTo(StepKey.CUSTOMER_NOTIFY);
        assertThat(ChangeType.BULK.route()).containsExactly(StepKey.BULK_APPROVE, StepKey.COUNTY_REVIEW);
        assertThat(ChangeType.GENERAL.after(StepKey.COUNTY_CONFIRM)).isEmpty();
    }

    @Test
    void urgentStepsDefaultToHalfANaturalHourAndOthersToOneWorkingDay() {
        StepLimits defaults = new StepLimits(null, null);
        assertThat(defaults.of(ChangeType.URGENT, StepKey.MARKET_APPLY))
                .isEqualTo(new com.tobacco.retailcrm.workflow.api.StepLimit(new BigDecimal("0.5"), WorkTimeUnit.HOUR));
        assertThat(defaults.of(ChangeType.GENERAL, StepKey.COUNTY_CHECK))
                .isEqualTo(new com.tobacco.retailcrm.workflow.api.StepLimit(BigDecimal.ONE, WorkTimeUnit.WORKING_DAY));
        StepLimits custom = new StepLimits("2 WORKING_HOUR", Map.of("PHONE.MARKET_APPLY", "4 HOUR"));
        assertThat(custom.of(ChangeType.PHONE, StepKey.MARKET_APPLY).unit()).isEqualTo(WorkTimeUnit.HOUR);
        assertThat(custom.of(ChangeType.PHONE, StepKey.MANAGER_REVIEW).amount()).isEqualByComparingTo("2");
    }
}
