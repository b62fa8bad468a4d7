package com.tobacco.retailcrm.rating.violation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.rating.violation.LawAbidingStatus.Fact;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule of {@link LawAbidingStatus#of}: violations of the last 12 months; serious, or three minor, is SERIOUS. */
class LawAbidingStatusRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Fact minor(String day) {
        return new Fact(LocalDate.parse(day), ViolationType.MINOR);
    }

    private static Fact serious(String day) {
        return new Fact(LocalDate.parse(day), ViolationType.SERIOUS);
    }

    @Test
    void noViolationIsGood() {
        assertThat(LawAbidingStatus.of(List.of(), TODAY)).isEqualTo(LawAbidingStatus.GOOD);
    }

    @Test
    void oneOrTwoMinorViolationsAreMinor() {
        assertThat(LawAbidingStatus.of(List.of(minor("2026-11-01")), TODAY)).isEqualTo(LawAbidingStatus.MINOR);
        assertThat(LawAbidingStatus.of(List.of(minor("2026-11-01"), minor("2026-02-01")), TODAY))
                .isEqualTo(LawAbidingStatus.MINOR);
    }

    @Test
    void threeMinorViolationsAreRepeatedAndSerious() {
        assertThat(LawAbidingStatus.of(List.of(minor("2026-11-01"), minor("2026-02-01"), minor("2025-11-24")), TODAY))
                .isEqualTo(LawAbidingStatus.SERIOUS);
    }

    @Test
    void oneSeriousViolationIsSerious() {
        assertThat(LawAbidingStatus.of(List.of(serious("2026-01-01")), TODAY)).isEqualTo(LawAbidingStatus.SERIOUS);
    }

    @Test
    void aViolationCountsTwelveMonthsToTheDay() {
        assertThat(LawAbidingStatus.of(List.of(serious("2025-11-24")), TODAY)).isEqualTo(LawAbidingStatus.SERIOUS);
        assertThat(LawAbidingStatus.of(List.of(serious("2025-11-23")), TODAY)).isEqualTo(LawAbidingStatus.GOOD);
        assertThat(LawAbidingStatus.expiresOn(LocalDate.parse("2025-11-23"))).isEqualTo(TODAY);
        assertThat(LawAbidingStatus.of(List.of(minor("2026-11-01"), minor("2026-02-01"), minor("2025-11-23")), TODAY))
                .isEqualTo(LawAbidingStatus.MINOR);
    }
}
