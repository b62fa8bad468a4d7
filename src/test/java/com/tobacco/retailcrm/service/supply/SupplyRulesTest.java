package com.tobacco.retailcrm.service.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rules of the paper 应急货源报批表, without storage or HTTP. */
class SupplyRulesTest {

    /** Mon 2026-09-28 … Thu 2026-10-08: the National Day holidays 10-01..10-07 (a plain week otherwise). */
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    private static final Predicate<LocalDate> WORKING = d -> d.getDayOfWeek().getValue() <= 5 && !HOLIDAYS.contains(d);
    private static final UnaryOperator<LocalDate> NEXT = d -> {
        LocalDate n = d.plusDays(1);
        while (!WORKING.test(n)) {
            n = n.plusDays(1);
        }
        return n;
    };

    @Test
    void upToTheLimitGoesToTheServiceHeadAboveItToTheDeputy_SpecialAlwaysToTheDeputy() {
        assertThat(ApprovalRoute.of(false, new BigDecimal("50"), 50)).isEqualTo(ApprovalRoute.SERVICE_HEAD);
        assertThat(ApprovalRoute.of(false, new BigDecimal("51"), 50)).isEqualTo(ApprovalRoute.MARKETING_DEPUTY);
        assertThat(ApprovalRoute.of(false, BigDecimal.ONE, 50)).isEqualTo(ApprovalRoute.SERVICE_HEAD);
        assertThat(ApprovalRoute.of(true, BigDecimal.ONE, 50)).isEqualTo(ApprovalRoute.SPECIAL);
        assertThat(ApprovalRoute.SPECIAL.approverRole()).isEqualTo("MARKETING_DEPUTY");
    }

    @Test
    void aNormalRequestIsSuppliedOnTheNextOrderDayThatIsAWorkingDay() {
        LocalDate monday = LocalDate.of(2026, 9, 28);
        assertThat(SupplyDate.of(false, "MON", monday, WORKING, NEXT)).as("the approval day itself").isEqualTo(monday);
        assertThat(SupplyDate.of(false, "WED", monday, WORKING, NEXT)).isEqualTo(LocalDate.of(2026, 9, 30));
        // Thursday 10-01 is a holiday: the order day of the week after
        assertThat(SupplyDate.of(false, "THU", monday, WORKING, NEXT)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(SupplyDate.of(false, "SUN", monday, WORKING, NEXT)).as("never a working day")
                .isEqualTo(LocalDate.of(2026, 9, 29));
    }

    @Test
    void withoutAnOrderDayOrWhenSpecialItIsTheNextWorkingDay() {
        LocalDate wednesday = LocalDate.of(2026, 9, 30);
        assertThat(SupplyDate.of(false, null, wednesday, WORKING, NEXT)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(SupplyDate.of(true, "WED", wednesday, WORKING, NEXT)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(SupplyDate.of(true, "TUE", LocalDate.of(2026, 9, 28), WORKING, NEXT).getDayOfWeek())
                .isEqualTo(DayOfWeek.TUESDAY);
    }

    @Test
    void eligibilityNamesTheFirstRuleNotMet() {
        assertThat(new Eligibility("ACTIVE", true, true).refusal()).isEmpty();
        assertThat(new Eligibility("SUSPENDED", true, true).refusal()).contains("supply.rule.notActive");
        assertThat(new Eligibility("ACTIVE", false, true).refusal()).contains("supply.rule.notLawAbiding");
        assertThat(new Eligibility("ACTIVE", true, null).refusal()).contains("supply.rule.noMarkedPrices");
        assertThat(new Eligibility("ACTIVE", true, false).refusal()).contains("supply.rule.noMarkedPrices");
    }

    @Test
    void onlyGeneralBrandsMayBeSuppliedInAnEmergency() {
        assertThat(SupplyClass.GENERAL.allowedInEmergency()).isTrue();
        assertThat(SupplyClass.SCARCE.allowedInEmergency()).isFalse();
        assertThat(SupplyClass.CONTROLLED.allowedInEmergency()).isFalse();
    }

    @Test
    void quantitiesAreWholeCartons() {
        assertThat(EmergencySupplyService.whole(new BigDecimal("3.00"))).isTrue();
        assertThat(EmergencySupplyService.whole(new BigDecimal("2.5"))).isFalse();
        assertThat(EmergencySupplyService.number("abc")).isNull();
        assertThat(EmergencySupplyService.number(12)).isEqualByComparingTo("12");
    }
}
