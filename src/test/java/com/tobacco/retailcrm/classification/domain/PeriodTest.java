package com.tobacco.retailcrm.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aPeriodIsAMonthOrAQuarter() {
        Period month = Period.parse("2026-02");
        assertThat(month.from()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(month.to()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(month.months()).isEqualTo(1);
        Period quarter = Period.parse("2026-Q3");
        assertThat(quarter.from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(quarter.to()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(quarter.months()).isEqualTo(3);
        for (String bad : new String[] {"2026-13", "2026-Q5", "2026-1", "202610", "", null}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aPeriodIsClassifiedOnlyOnceItIsOver() {
        Period october = Period.parse("2026-10");
        assertThat(october.isOverBy(LocalDate.of(2026, 10, 31))).isFalse();
        assertThat(october.isOverBy(LocalDate.of(2026, 11, 1))).isTrue();
    }

    @Test
    void tierBoundariesAreExactFractionsOfTheFormat() {
        TierScheme equal = new TierScheme(30, List.of());
        assertThat(equal.boundaryDenominator()).isEqualByComparingTo("30");
        assertThat(equal.boundaryNumerators()).hasSize(30).startsWith(BigDecimal.ONE).endsWith(BigDecimal.valueOf(30));
        TierScheme custom = new TierScheme(3, List.of(new BigDecimal("10"), new BigDecimal("30"), new BigDecimal("60")));
        assertThat(custom.boundaryDenominator()).isEqualByComparingTo("100");
        assertThat(custom.boundaryNumerators()).containsExactly(new BigDecimal("10"), new BigDecimal("40"),
                new BigDecimal("100"));
    }

    @Test
    void tierSharesMustCoverEveryTierAndAddUpToAHundred() {
        assertThatThrownBy(() -> new TierScheme(3, List.of(BigDecimal.TEN, BigDecimal.TEN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierScheme(2, List.of(BigDecimal.TEN, BigDecimal.TEN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierScheme(0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TierScheme(null, null).count()).isEqualTo(30);
    }
}
