package com.tobacco.retailcrm.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Due times on the 2026 calendar: lunch, period ends, nights, weekends, holidays and make-up days (调休). */
class DueTimeTableTest {

    private final CalendarSnapshot calendar = CalendarFixtures.defaultCalendar();

    @ParameterizedTest(name = "{0} + {1} {2} = {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-02T11:00:00+08:00 | 1    | WORKING_HOUR | 2026-11-02T12:00:00+08:00 | exactly on a period's end is that end
            2026-11-02T16:00:00+08:00 | 1    | WORKING_HOUR | 2026-11-02T17:00:00+08:00 | exactly on the day's end
            2026-11-02T09:00:00+08:00 | 1    | WORKING_DAY  | 2026-11-02T17:00:00+08:00 | a whole day from the morning
            2026-11-02T10:00:00+08:00 | 1    | WORKING_DAY  | 2026-11-03T10:00:00+08:00 | a day is the working periods
            2026-09-30T10:00:00+08:00 | 1    | WORKING_DAY  | 2026-10-08T10:00:00+08:00 | a day over National Day
            2026-11-02T11:30:00+08:00 | 1    | WORKING_HOUR | 2026-11-02T13:30:00+08:00 | lunch break skipped
            2026-11-02T12:30:00+08:00 | 1    | WORKING_HOUR | 2026-11-02T14:00:00+08:00 | start in lunch begins at 13:00
            2026-11-02T12:00:00+08:00 | 1    | WORKING_HOUR | 2026-11-02T14:00:00+08:00 | start at 12:00 begins at 13:00
            2026-11-02T08:00:00+08:00 | 1    | WORKING_HOUR | 2026-11-02T10:00:00+08:00 | start before work
            2026-11-02T18:00:00+08:00 | 1    | WORKING_HOUR | 2026-11-03T10:00:00+08:00 | start after 17:00
            2026-11-02T17:00:00+08:00 | 0.5  | WORKING_DAY  | 2026-11-03T13:30:00+08:00 | half a day is half the periods
            2026-11-02T13:00:00+08:00 | 0.5  | WORKING_DAY  | 2026-11-02T16:30:00+08:00 | half a day is 3.5 h by default
            2026-11-02T11:00:00+08:00 | 1.25 | WORKING_HOUR | 2026-11-02T13:15:00+08:00 | decimal hours in minutes
            2026-11-02T09:00:00+08:00 | 0.01 | WORKING_HOUR | 2026-11-02T09:01:00+08:00 | 0.6 minute rounds up
            2026-11-02T11:59:30+08:00 | 1    | WORKING_HOUR | 2026-11-02T13:59:30+08:00 | seconds of the start kept
            2026-11-06T16:00:00+08:00 | 2    | WORKING_HOUR | 2026-11-09T10:00:00+08:00 | over a weekend
            2026-11-07T10:00:00+08:00 | 1    | WORKING_HOUR | 2026-11-09T10:00:00+08:00 | start on a Saturday
            2026-09-30T16:00:00+08:00 | 2    | WORKING_HOUR | 2026-10-08T10:00:00+08:00 | over National Day
            2026-10-03T10:00:00+08:00 | 1    | WORKING_DAY  | 2026-10-08T17:00:00+08:00 | start on a holiday
            2026-10-09T16:00:00+08:00 | 2    | WORKING_HOUR | 2026-10-10T10:00:00+08:00 | make-up Saturday
            2026-09-18T16:00:00+08:00 | 2    | WORKING_HOUR | 2026-09-20T10:00:00+08:00 | make-up Sunday
            2026-02-13T16:00:00+08:00 | 1    | WORKING_DAY  | 2026-02-14T16:00:00+08:00 | Spring Festival make-up Saturday
            2026-02-13T09:00:00+08:00 | 3    | WORKING_DAY  | 2026-02-24T17:00:00+08:00 | over the Spring Festival
            2026-04-03T16:00:00+08:00 | 2    | WORKING_HOUR | 2026-04-07T10:00:00+08:00 | Qingming Monday off
            2026-10-03T10:00:00+08:00 | 0.5  | HOUR         | 2026-10-03T10:30:00+08:00 | natural hours ignore holidays
            2026-11-02T16:45:00+08:00 | 2    | HOUR         | 2026-11-02T18:45:00+08:00 | natural hours ignore working hours
            2026-11-02T02:00:00Z      | 1    | WORKING_HOUR | 2026-11-02T11:00:00+08:00 | UTC input counted in Shanghai
            """)
    void dueTimesFollowTheWorkingCalendar(String start, BigDecimal amount, WorkTimeUnit unit, String due, String why) {
        assertThat(calendar.due(OffsetDateTime.parse(start).toInstant(), amount, unit))
                .as(why).isEqualTo(OffsetDateTime.parse(due).toInstant());
    }

    @Test
    void aConfiguredEightHourWorkingDayCountsEightWorkingHours() {
        var eightHours = new CalendarSnapshot(CalendarFixtures.SHANGHAI, CalendarFixtures.DEFAULT_PERIODS,
                CalendarFixtures.statutory(2026), 480);
        var start = OffsetDateTime.parse("2026-11-02T09:00:00+08:00").toInstant();
        assertThat(eightHours.due(start, new BigDecimal("0.5"), WorkTimeUnit.WORKING_DAY))
                .isEqualTo(OffsetDateTime.parse("2026-11-02T14:00:00+08:00").toInstant());
        assertThat(eightHours.due(start, BigDecimal.ONE, WorkTimeUnit.WORKING_DAY))
                .isEqualTo(OffsetDateTime.parse("2026-11-03T10:00:00+08:00").toInstant());
    }

    @Test
    void aLimitMustBePositive() {
        var start = OffsetDateTime.parse("2026-11-02T09:00:00+08:00").toInstant();
        assertThatThrownBy(() -> calendar.due(start, BigDecimal.ZERO, WorkTimeUnit.WORKING_DAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.due(start, new BigDecimal("-1"), WorkTimeUnit.HOUR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysFollowHolidaysAndMakeUpDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-07"))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-09-30"), 1)).isEqualTo("2026-10-08");
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-10-08"), -1)).isEqualTo("2026-09-30");
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-10-03"), 0)).isEqualTo("2026-10-03");
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-09-28"), 7)).isEqualTo("2026-10-13");
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-12")))
                .isEqualTo(3);
    }
}
