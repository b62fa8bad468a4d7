package com.tobacco.retailcrm.service.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class VisitCycleTest {

    @Test
    void coverageCountsIsoWeeksStartingInTheMonth() {
        // 2026-06: Mondays 1, 8, 15, 22, 29 → 5 weeks; the week of Mon 29 June runs into July but belongs to June
        assertThat(VisitCycle.isoWeeksStartingIn(YearMonth.of(2026, 6))).isEqualTo(5);
        // 2026-07 starts on a Wednesday: its first ISO week starts on Mon 6 July → 6, 13, 20, 27 → 4
        assertThat(VisitCycle.isoWeeksStartingIn(YearMonth.of(2026, 7))).isEqualTo(4);
        // 2026-02: Mondays 2, 9, 16, 23 → 4 (28 days starting on a Sunday)
        assertThat(VisitCycle.isoWeeksStartingIn(YearMonth.of(2026, 2))).isEqualTo(4);
        // 2027-02 starts on a Monday: 1, 8, 15, 22 → 4
        assertThat(VisitCycle.isoWeeksStartingIn(YearMonth.of(2027, 2))).isEqualTo(4);
        // 2026-11 starts on a Sunday: Mondays 2, 9, 16, 23, 30 → 5
        assertThat(VisitCycle.isoWeeksStartingIn(YearMonth.of(2026, 11))).isEqualTo(5);
    }

    @Test
    void weeklyIsDueOncePerIsoWeekBiweeklyHalfRoundedUpMonthlyOnce() {
        YearMonth five = YearMonth.of(2026, 6);
        YearMonth four = YearMonth.of(2026, 7);
        assertThat(VisitCycle.WEEKLY.dueIn(five)).isEqualTo(5);
        assertThat(VisitCycle.BIWEEKLY.dueIn(five)).isEqualTo(3);
        assertThat(VisitCycle.MONTHLY.dueIn(five)).isEqualTo(1);
        assertThat(VisitCycle.WEEKLY.dueIn(four)).isEqualTo(4);
        assertThat(VisitCycle.BIWEEKLY.dueIn(four)).isEqualTo(2);
        assertThat(VisitCycle.MONTHLY.dueIn(four)).isEqualTo(1);
    }

    @Test
    void theNextVisitIsDueOneCycleAfterTheLast_monthlyOnTheSameDayOfTheNextMonth() {
        LocalDate last = LocalDate.of(2026, 1, 31);
        assertThat(VisitCycle.WEEKLY.nextAfter(last)).isEqualTo(LocalDate.of(2026, 2, 7));
        assertThat(VisitCycle.BIWEEKLY.nextAfter(last)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(VisitCycle.MONTHLY.nextAfter(last)).isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
