package com.tobacco.retailcrm.service.supply;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Brands, the threshold and the requests in SQL; every change of a request checks and bumps its version. */
@Repository
class SupplyStore {

    private final JdbcTemplate jdbc;

    SupplyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Brand> brands() {
        return jdbc.query("select * from supply_brand order by supply_class, code", (rs, n) -> brand(rs));
    }

    Optional<Brand> brand(String code) {
        return jdbc.query("select * from supply_brand where code = ?", (rs, n) -> brand(rs), code).stream().findFirst();
    }

    /** False when the code is taken (the insert does nothing). */
    boolean insertBrand(Brand b, String by, Instant at) {
        return jdbc.update("""
                insert into supply_brand (code, name, supply_class, created_by, created_at) values (?, ?, ?, ?, ?)
                on conflict (code) do nothing""", b.code(), b.name(), b.supplyClass().name(), by, Timestamp.from(at)) == 1;
    }

    private static Brand brand(ResultSet rs) throws SQLException {
        return new Brand(rs.getString("code"), rs.getString("name"), SupplyClass.valueOf(rs.getString("supply_class")),
                rs.getLong("version"));
    }

    /** The threshold and its version. */
    long[] threshold() {
        return jdbc.queryForObject("select service_head_max_qty, version from emergency_supply_setting where id = 1",
                (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)});
    }

    /** False when the version is stale. */
    boolean updateThreshold(int qty, Long version, String by, Instant at) {
        return jdbc.update("""
                update emergency_supply_setting set service_head_max_qty = ?, updated_by = ?, updated_at = ?,
                    version = version + 1 where id = 1 and (?::bigint is null or version = ?)""",
                qty, by, Timestamp.from(at), version, version) == 1;
    }

    /** The next number of the month ({@code YJ202611-0007}), gap-free under concurrency as the row lock serialises. */
    String nextNumber(String yyyymm) {
        Integer n = jdbc.queryForObject("""
                insert into emergency_supply_number (month, last_value) values (?, 1)
                on conflict (month) do update set last_value = emergency_supply_number.last_value + 1
                returning last_value""", Integer.class, yyyymm);
        return "YJ" + yyyymm + "-" + String.format("%04d", n);
    }

    void insert(SupplyRequest r) {
        jdbc.update("""
                insert into emergency_supply_request (id, number, customer_code, store_name, county_code, county_id,
                    customer_manager, reason, event_date, special, note, total_qty, approver_role, status, requester,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.id(), r.number(), r.customerCode(), r.storeName(), r.countyCode(), r.countyId(), r.customerManager(),
                r.reason().name(), r.eventDate(), r.special(), r.note(), r.totalQty(), r.route().name(),
                r.status().name(), r.requester(), Timestamp.from(r.createdAt()));
        for (SupplyRequest.Line l : r.lines()) {
            jdbc.update("insert into emergency_supply_line (request_id, line_no, brand_code, qty) values (?, ?, ?, ?)",
                    r.id(), l.lineNo(), l.brandCode(), l.qty());
        }
    }

    /** The request, locked for an action when {@code lock}. */
    Optional<SupplyRequest> find(long id, boolean lock) {
        return jdbc.query("select * from emergency_supply_request where id = ?" + (lock ? " for update" : ""),
                (rs, n) -> request(rs), id).stream().findFirst().map(r -> r.withLines(lines(r.id())));
    }

    /** Bumps the version for a step taken; false when {@code expected} is given and stale. */
    boolean touch(long id, Long expected) {
        return jdbc.update("update emergency_supply_request set version = version + 1 where id = ? and "
                + "(?::bigint is null or version = ?)", id, expected, expected) == 1;
    }

    void decide(long id, RequestStatus status, String by, Instant at, LocalDate supplyOn) {
        jdbc.update("""
                update emergency_supply_request set status = ?, decided_by = ?, decided_at = ?, supply_on = ?
                where id = ?""", status.name(), by, Timestamp.from(at), supplyOn, id);
    }

    long count(String where, List<Object> args) {
        Long n = jdbc.queryForObject("select count(*) from emergency_supply_request r where " + where, Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    List<SupplyRequest> list(String where, List<Object> args, long offset, int limit) {
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        all.add(offset);
        List<SupplyRequest> rows = jdbc.query("select * from emergency_supply_request r where " + where
                + " order by r.created_at desc, r.id desc limit ? offset ?", (rs, n) -> request(rs), all.toArray());
        Map<Long, List<SupplyRequest.Line>> lines = lines(rows.stream().map(SupplyRequest::id).toList());
        return rows.stream().map(r -> r.withLines(lines.getOrDefault(r.id(), List.of()))).toList();
    }

    private List<SupplyRequest.Line> lines(long id) {
        return lines(List.of(id)).getOrDefault(id, List.of());
    }

    private Map<Long, List<SupplyRequest.Line>> lines(List<Long> ids) {
        Map<Long, List<SupplyRequest.Line>> byRequest = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byRequest;
        }
        jdbc.query("""
                select l.request_id, l.line_no, l.brand_code, b.name, b.supply_class, l.qty
                from emergency_supply_line l join supply_brand b on b.code = l.brand_code
                where l.request_id = any (?) order by l.request_id, l.line_no""", rs -> {
            byRequest.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SupplyRequest.Line(rs.getInt(2),
                    rs.getString(3), rs.getString(4), SupplyClass.valueOf(rs.getString(5)), rs.getBigDecimal(6)));
        }, (Object) ids.toArray(Long[]::new));
        return byRequest;
    }

    private static SupplyRequest request(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        java.sql.Date supplyOn = rs.getDate("supply_on");
        long countyValue = rs.getLong("county_id");
        Long county = rs.wasNull() ? null : countyValue;
        return new SupplyRequest(rs.getLong("id"), rs.getString("number"), rs.getString("customer_code"),
                rs.getString("store_name"), rs.getString("county_code"), county,
                rs.getString("customer_manager"), SupplyReason.valueOf(rs.getString("reason")),
                rs.getDate("event_date").toLocalDate(), rs.getBoolean("special"), rs.getString("note"),
                rs.getBigDecimal("total_qty"), ApprovalRoute.valueOf(rs.getString("approver_role")),
                RequestStatus.valueOf(rs.getString("status")), rs.getString("requester"),
                rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"), supplyOn == null ? null : supplyOn.toLocalDate(), rs.getLong("version"),
                List.of());
    }

    /** The request's total in 条. */
    static BigDecimal total(List<SupplyRequest.Line> lines) {
        return lines.stream().map(SupplyRequest.Line::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
