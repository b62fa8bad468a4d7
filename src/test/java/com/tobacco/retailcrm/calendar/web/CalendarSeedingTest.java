package com.tobacco.retailcrm.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.calendar.domain.CalendarService;
import com.tobacco.retailcrm.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seeding the statutory holidays: idempotent, refreshes a seeded year that differs, never touches an edited one. */
class CalendarSeedingTest extends ApiTest {

    @Autowired
    CalendarService calendar;

    @Test
    void seedingAgainChangesNothing() {
        calendar.seedStatutoryYears();
        long days = jdbc.queryForObject("select count(*) from calendar_day", Long.class);
        assertThat(calendar.seedStatutoryYears()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from calendar_day", Long.class)).isEqualTo(days);
    }

    @Test
    void seedingNeverOverwritesAYearAnAdminEdited() {
        var put = http.put("/api/v1/calendar/2001", adminToken("sysadmin"),
                Map.of("holidays", List.of("2001-03-05"), "workdays", List.of()));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        calendar.seedStatutoryYears();
        var year = http.get("/api/v1/calendar/2001", adminToken("sysadmin")).json();
        assertThat(year.get("source").asString()).isEqualTo("EDITED");
        assertThat(year.get("holidays").toString()).isEqualTo("[\"2001-03-05\"]");
        assertThat(year.get("workdays").toString()).isEqualTo("[]");
    }

    @Test
    void aSeededYearThatDiffersFromTheLibraryIsRefreshed() {
        jdbc.update("delete from calendar_day where year = 2002 and kind = 'HOLIDAY'"
                + " and exists (select 1 from calendar_year y where y.year = 2002 and y.source = 'SEEDED')");
        calendar.seedStatutoryYears();
        var year = http.get("/api/v1/calendar/2002", adminToken("sysadmin")).json();
        assertThat(year.get("source").asString()).isEqualTo("SEEDED");
        assertThat(year.get("holidays").toString()).contains("2002-10-01");
    }
}
