package com.tobacco.retailcrm.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The seed data against the State Council notices (国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026). */
class StatutoryHolidaysTest {

    @Test
    void holidaysOf2026AreTheStateCouncilNoticeAsPublishedWeekendDaysOfARangeIncluded() {
        Map<LocalDate, DayKind> expected = new TreeMap<>();
        range(expected, "2026-01-01", "2026-01-03");
        range(expected, "2026-02-15", "2026-02-23");
        range(expected, "2026-04-04", "2026-04-06");
        range(expected, "2026-05-01", "2026-05-05");
        range(expected, "2026-06-19", "2026-06-21");
        range(expected, "2026-09-25", "2026-09-27");
        range(expected, "2026-10-01", "2026-10-07");
        workdays(expected, "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(StatutoryHolidays.of(2026)).isEqualTo(expected);
    }

    @Test
    void holidaysOf2026ChangeExactlyTheNoticesWeekdaysOffAndWeekendsWorked() {
        Map<LocalDate, DayKind> expected = new TreeMap<>();
        holidays(expected, "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                "2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05", "2026-06-19",
                "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07");
        workdays(expected, "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(changing(StatutoryHolidays.of(2026))).isEqualTo(expected);
    }

    @Test
    void holidaysOf2025MatchTheStateCouncilNotice() {
        Map<LocalDate, DayKind> expected = new TreeMap<>();
        holidays(expected, "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03",
                "2025-02-04", "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02", "2025-10-01",
                "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08");
        workdays(expected, "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
        assertThat(changing(StatutoryHolidays.of(2025))).isEqualTo(expected);
        assertThat(StatutoryHolidays.of(2025)).containsEntry(LocalDate.parse("2025-10-04"), DayKind.HOLIDAY)
                .containsEntry(LocalDate.parse("2025-05-31"), DayKind.HOLIDAY).hasSize(33);  // the notice as the open data set lists it
    }

    @Test
    void aYearTheLibraryDoesNotKnowHasNoArrangement() {
        assertThat(StatutoryHolidays.knows(2026)).isTrue();
        assertThat(StatutoryHolidays.knows(2150)).isFalse();
        assertThat(StatutoryHolidays.of(2150)).isEmpty();
    }

    private static Map<LocalDate, DayKind> changing(Map<LocalDate, DayKind> days) {
        Map<LocalDate, DayKind> changing = new TreeMap<>(days);
        changing.entrySet().removeIf(e -> !CalendarYearRules.changesTheDay(e.getKey(), e.getValue()));
        return changing;
    }

    private static void range(Map<LocalDate, DayKind> into, String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            into.put(d, DayKind.HOLIDAY);
        }
    }

    private static void holidays(Map<LocalDate, DayKind> into, String... dates) {
        for (String d : dates) {
            into.put(LocalDate.parse(d), DayKind.HOLIDAY);
        }
    }

    private static void workdays(Map<LocalDate, DayKind> into, String... dates) {
        for (String d : dates) {
            into.put(LocalDate.parse(d), DayKind.WORKDAY);
        }
    }
}
