package com.tobacco.retailcrm.calendar.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The calendar's tables, in plain SQL: a year is read and replaced as a whole. */
@Repository
class CalendarRepository {

    record YearRow(int year, String source, Instant updatedAt, String updatedBy) {
    }

    record DayRow(LocalDate day, DayKind kind, String name) {
    }

    private final JdbcTemplate jdbc;

    CalendarRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<LocalDate, DayKind> allDays() {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        jdbc.query("select day, kind from calendar_day", rs -> {
            days.put(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)));
        });
        return days;
    }

    /**
     * Changes whenever any year is written: a digest of every year's write (a handful of rows). The latest write time
     * alone missed a year rewritten with an earlier time than another year's, as a clock moved forward leaves it.
     */
    String version() {
        return jdbc.queryForObject("select coalesce(md5(string_agg(year || '/' || source || '/' || updated_at::text || '/'"
                + " || coalesce(updated_by, ''), ',' order by year)), '') from calendar_year", String.class);
    }

    Optional<YearRow> year(int year) {
        return jdbc.query("select year, source, updated_at, updated_by from calendar_year where year = ?",
                (rs, n) -> new YearRow(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
                year).stream().findFirst();
    }

    List<DayRow> days(int year) {
        return jdbc.query("select day, kind, name from calendar_day where year = ? order by day",
                (rs, n) -> new DayRow(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)), rs.getString(3)),
                year);
    }

    /** Serialises writers of one year across app instances for the rest of the transaction. */
    void lockYear(int year) {
        jdbc.query("select pg_advisory_xact_lock(hashtext('calendar_year'), ?)", rs -> { }, year);
    }

    void replace(int year, String source, List<DayRow> days, Instant at, String by) {
        jdbc.update("""
                insert into calendar_year (year, source, updated_at, updated_by) values (?, ?, ?, ?)
                on conflict (year) do update set source = excluded.source, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""", year, source, Timestamp.from(at), by);
        jdbc.update("delete from calendar_day where year = ?", year);
        List<Object[]> rows = new ArrayList<>();
        for (DayRow d : days) {
            rows.add(new Object[] {Date.valueOf(d.day()), year, d.kind().name(), d.name()});
        }
        jdbc.batchUpdate("insert into calendar_day (day, year, kind, name) values (?, ?, ?, ?)", rows);
    }
}
