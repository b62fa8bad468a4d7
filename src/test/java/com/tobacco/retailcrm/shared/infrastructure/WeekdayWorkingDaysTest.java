package com.tobacco.retailcrm.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.shared.api.WorkingDays;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The default working calendar counts Monday to Friday until the calendar module replaces it. */
class WeekdayWorkingDaysTest {

    private final WorkingDays weekdays = new WeekdayWorkingDays();

    @Test
    void fiveWorkingDaysAfterAMondayIsTheNextMonday() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(weekdays.plus(monday, 5)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void fiveWorkingDaysAfterAFridaySkipTheWeekend() {
        assertThat(weekdays.plus(LocalDate.of(2026, 11, 27), 5)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(weekdays.plus(LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(weekdays.plus(LocalDate.of(2026, 11, 28), 0)).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void workingDaysBetweenCountsNeitherTheStartNorWeekends() {
        assertThat(weekdays.between(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 30))).isEqualTo(6);
        assertThat(weekdays.between(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 20))).isZero();
        assertThatThrownBy(() -> weekdays.plus(LocalDate.of(2026, 11, 23), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
