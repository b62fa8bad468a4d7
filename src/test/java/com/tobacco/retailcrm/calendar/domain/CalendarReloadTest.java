package com.tobacco.retailcrm.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A year written by another instance of the application reaches this one's in-memory calendar. */
class CalendarReloadTest extends ApiTest {

    @Autowired
    CalendarService calendar;

    @Test
    void anEditMadeElsewhereIsPickedUpByThePeriodicCheck() {
        LocalDate monday = LocalDate.of(2095, 3, 7);  // a Monday
        calendar.snapshot();
        jdbc.update("delete from calendar_year where year = 2095");
        jdbc.update("insert into calendar_year (year, source, updated_at, updated_by) values (2095, 'EDITED', now(), 'other')");
        jdbc.update("insert into calendar_day (day, year, kind) values (?, 2095, 'HOLIDAY')", java.sql.Date.valueOf(monday));
        assertThat(calendar.isWorkingDay(monday)).isTrue();  // not yet seen

        calendar.reloadIfChangedElsewhere();
        assertThat(calendar.isWorkingDay(monday)).isFalse();
    }
}
