package com.tobacco.retailcrm.rating.violation;

import com.tobacco.retailcrm.shared.infrastructure.SqlPages;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.PageQuery;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Violations in their own table (plain SQL). */
@Repository
class ViolationStore {

    private static final String COLUMNS = "id, customer_code, county_id, customer_manager, occurred_on, type, "
            + "description, corrected, corrected_on, recorded_by, recorded_at, version";

    private final JdbcTemplate jdbc;

    ViolationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Violation v) {
        return jdbc.queryForObject("""
                insert into violation (customer_code, county_id, customer_manager, occurred_on, type, description,
                    corrected, corrected_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, v.customerCode(), v.countyId(),
                v.customerManager(), Date.valueOf(v.occurredOn()), v.type().name(), v.description(), v.corrected(),
                v.correctedOn() == null ? null : Date.valueOf(v.correctedOn()), v.recordedBy(),
                Timestamp.from(v.recordedAt()));
    }

    Optional<Violation> find(long id, boolean lock) {
        return jdbc.query("select " + COLUMNS + " from violation where id = ?" + (lock ? " for update" : ""),
                this::row, id).stream().findFirst();
    }

    /** Records the correction; false when the version is no longer the one read (someone else changed it). */
    boolean saveCorrection(Violation v) {
        return jdbc.update("update violation set corrected = true, corrected_on = ?, version = version + 1 "
                + "where id = ? and version = ?", Date.valueOf(v.correctedOn()), v.id(), v.version()) == 1;
    }

    List<LawAbidingStatus.Fact> facts(String customerCode) {
        return jdbc.query("select occurred_on, type from violation where customer_code = ?", (rs, i) ->
                new LawAbidingStatus.Fact(rs.getDate(1).toLocalDate(), ViolationType.valueOf(rs.getString(2))),
                customerCode);
    }

    /** Customers with a violation that stops counting on {@code day}: their status may improve that day. */
    List<String> customersWithViolationExpiringOn(LocalDate day) {
        return jdbc.queryForList("select distinct customer_code from violation where occurred_on = ?", String.class,
                Date.valueOf(day.minusMonths(12)));
    }

    /** A page of the violations matching a SQL filter, newest first, with the total. */
    PageResponse<Violation> page(String where, List<Object> args, PageQuery page) {
        return SqlPages.page(jdbc, "select " + COLUMNS, "from violation v where " + where,
                "occurred_on desc, id desc", args, this::row, page);
    }

    private Violation row(ResultSet rs, int i) throws SQLException {
        Date correctedOn = rs.getDate(9);
        return new Violation(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), ViolationType.valueOf(rs.getString(6)), rs.getString(7), rs.getBoolean(8),
                correctedOn == null ? null : correctedOn.toLocalDate(), rs.getString(10),
                rs.getTimestamp(11).toInstant(), rs.getLong(12));
    }
}
