package com.tobacco.retailcrm.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarYearRulesTest {

    private static final CalendarYearRules.Texts KEYS = (key, args) -> key;

    @Test
    void repeatedDatesCountOnce() {
        var days = CalendarYearRules.listedDays(2026, dates("2026-10-01", "2026-10-01"), dates("2026-10-10"), KEYS);
        assertThat(days).containsOnlyKeys(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-10"));
    }

    @Test
    void aHolidayOnAWeekendIsAcceptedAsPublishedAndChangesNothing() {
        var days = CalendarYearRules.listedDays(2026, dates("2026-10-03"), List.of(), KEYS);
        assertThat(days).containsEntry(LocalDate.parse("2026-10-03"), DayKind.HOLIDAY);
        assertThat(CalendarYearRules.changesTheDay(LocalDate.parse("2026-10-03"), DayKind.HOLIDAY)).isFalse();
        var snapshot = new CalendarSnapshot(java.time.ZoneId.of("Asia/Shanghai"),
                List.of(WorkingPeriod.parse("09:00-17:00")), days);
        var plain = new CalendarSnapshot(java.time.ZoneId.of("Asia/Shanghai"),
                List.of(WorkingPeriod.parse("09:00-17:00")), java.util.Map.of());
        assertThat(snapshot.workingDaysBetween(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01")))
                .isEqualTo(plain.workingDaysBetween(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01")));
    }

    @Test
    void aMakeUpWorkdayOnAWeekdayIsAcceptedAsPublishedAndChangesNothing() {
        var days = CalendarYearRules.listedDays(2026, List.of(), dates("2026-10-09"), KEYS);
        assertThat(days).containsEntry(LocalDate.parse("2026-10-09"), DayKind.WORKDAY);
        assertThat(CalendarYearRules.changesTheDay(LocalDate.parse("2026-10-09"), DayKind.WORKDAY)).isFalse();
        assertThat(CalendarYearRules.changesTheDay(LocalDate.parse("2026-10-10"), DayKind.WORKDAY)).isTrue();
    }

    @Test
    void aDateCannotBeBothHolidayAndWorkday() {
        assertProblem(() -> CalendarYearRules.listedDays(2026, dates("2026-10-09"), dates("2026-10-09"), KEYS),
                "workdays[0]", "calendar.error.both");
    }

    @Test
    void datesMustLieInTheYear() {
        assertProblem(() -> CalendarYearRules.listedDays(2026, dates("2027-01-01"), List.of(), KEYS),
                "holidays[0]", "calendar.error.otherYear");
    }

    @Test
    void theYearMustBeInTheSupportedRangeAndListsPresent() {
        assertProblem(() -> CalendarYearRules.listedDays(1999, List.of(), List.of(), KEYS), "year",
                "calendar.error.year");
        assertProblem(() -> CalendarYearRules.listedDays(2026, null, List.of(), KEYS), "holidays",
                "calendar.error.listMissing");
        assertProblem(() -> CalendarYearRules.listedDays(2026, Arrays.asList((LocalDate) null), List.of(), KEYS),
                "holidays[0]", "calendar.error.dateMissing");
    }

    private static List<LocalDate> dates(String... dates) {
        return Arrays.stream(dates).map(LocalDate::parse).toList();
    }

    private static void assertProblem(Runnable action, String field, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).contains(new FieldProblem(field, key)));
    }
}
