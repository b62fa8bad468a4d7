package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.customer.api.CustomerFacts;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Visits and their photos in SQL; reads join the archive's service view for the store name and scope columns. */
@Repository
class VisitStore {

    static final String SELECT = "select v.*, f.store_name, f.customer_manager, f.county_org_unit_id from visit v join "
            + CustomerFacts.SERVICE_VIEW + " f on f.customer_code = v.customer_code";

    private final JdbcTemplate jdbc;

    VisitStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String customerCode, String visitedBy, Instant visitedAt, LocalDate visitDate, VisitPurpose purpose,
                String findings, String salesAnomaly, List<String> checked, List<String> wrong, String nextActions,
                Instant now) {
        return jdbc.queryForObject("""
                insert into visit (customer_code, visited_by, visited_at, visit_date, purpose, findings, sales_anomaly,
                                   checked_fields, wrong_fields, next_actions, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, customerCode, visitedBy,
                Timestamp.from(visitedAt), visitDate, purpose.name(), findings, salesAnomaly,
                checked.toArray(String[]::new), wrong.toArray(String[]::new), nextActions, Timestamp.from(now));
    }

    Optional<Visit> find(long id) {
        return jdbc.query(SELECT + " where v.id = ?", VisitStore::visit, id).stream().findFirst();
    }

    Optional<Long> countyOf(long id) {
        return jdbc.query(SELECT + " where v.id = ?", (rs, n) -> rs.getLong("county_org_unit_id"), id).stream().findFirst();
    }

    /** Visits matching a where clause (on {@link #SELECT}'s aliases) in a page, newest first, and their total. */
    List<Visit> page(String where, List<Object> args, long offset, int size) {
        List<Object> all = new ArrayList<>(args);
        all.add(size);
        all.add(offset);
        return jdbc.query(SELECT + " where " + where + " order by v.visited_at desc, v.id desc limit ? offset ?",
                VisitStore::visit, all.toArray());
    }

    long count(String where, List<Object> args) {
        return jdbc.queryForObject("select count(*) from visit v join " + CustomerFacts.SERVICE_VIEW
                + " f on f.customer_code = v.customer_code where " + where, Long.class, args.toArray());
    }

    long insertPhoto(long visitId, String hash, String contentType, int size, int width, int height, String user,
                     Instant at) {
        return jdbc.queryForObject("""
                insert into visit_photo (visit_id, sha256, content_type, size_bytes, width, height, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, visitId, hash, contentType, size, width,
                height, user, Timestamp.from(at));
    }

    List<VisitPhoto> photos(long visitId) {
        return jdbc.query("select * from visit_photo where visit_id = ? order by id", (rs, n) -> new VisitPhoto(
                rs.getLong("id"), rs.getLong("visit_id"), rs.getString("sha256"), rs.getString("content_type"),
                rs.getInt("size_bytes"), rs.getInt("width"), rs.getInt("height"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant()), visitId);
    }

    private static Visit visit(ResultSet rs, int n) throws SQLException {
        return new Visit(rs.getLong("id"), rs.getString("customer_code"), rs.getString("store_name"),
                rs.getString("customer_manager"), rs.getString("visited_by"),
                rs.getTimestamp("visited_at").toInstant(), rs.getObject("visit_date", LocalDate.class),
                VisitPurpose.valueOf(rs.getString("purpose")), rs.getString("findings"), rs.getString("sales_anomaly"),
                list(rs.getArray("checked_fields")), list(rs.getArray("wrong_fields")), rs.getString("next_actions"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
