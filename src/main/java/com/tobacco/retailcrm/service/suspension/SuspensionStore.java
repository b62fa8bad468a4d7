package com.tobacco.retailcrm.service.suspension;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Suspensions, their affected customers and the make-up to-dos in SQL. */
@Repository
class SuspensionStore {

    private final JdbcTemplate jdbc;

    SuspensionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer as a suspension reached it. */
    record Affected(String customerCode, String storeName, String countyCode, String customerManager,
                    boolean keyCustomer, boolean notified, String notifiedBy, Instant notifiedAt) {
    }

    /** 临时补货 — one make-up supply to-do of a key customer's manager. */
    record MakeUp(long id, long suspensionId, String customerCode, String storeName, String manager, Instant createdAt,
                  Instant dueAt) {
    }

    long insert(Suspension s, List<Affected> customers) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into service_suspension (cause, county_codes, org_unit_codes, delivery_routes, services,
                        starts_at, ends_at, notice, cash_settlement, status, created_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""", new String[]{"id"});
            ps.setString(1, s.cause().name());
            ps.setArray(2, con.createArrayOf("text", s.countyCodes().toArray()));
            ps.setArray(3, con.createArrayOf("text", s.orgUnitCodes().toArray()));
            ps.setArray(4, con.createArrayOf("text", s.deliveryRoutes().toArray()));
            ps.setArray(5, con.createArrayOf("text", s.services().stream().map(Enum::name).toArray()));
            ps.setTimestamp(6, Timestamp.from(s.from()));
            ps.setTimestamp(7, s.to() == null ? null : Timestamp.from(s.to()));
            ps.setString(8, s.notice());
            ps.setBoolean(9, s.cashSettlement());
            ps.setString(10, s.createdBy());
            ps.setTimestamp(11, Timestamp.from(s.createdAt()));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.batchUpdate("""
                insert into service_suspension_customer (suspension_id, customer_code, store_name, county_code,
                    customer_manager, key_customer) values (?, ?, ?, ?, ?, ?)""", customers, 500, (ps, a) -> {
            ps.setLong(1, id);
            ps.setString(2, a.customerCode());
            ps.setString(3, a.storeName());
            ps.setString(4, a.countyCode());
            ps.setString(5, a.customerManager());
            ps.setBoolean(6, a.keyCustomer());
        });
        return id;
    }

    Optional<Suspension> find(long id, boolean lock) {
        return jdbc.query("select * from service_suspension where id = ?" + (lock ? " for update" : ""),
                (rs, n) -> suspension(rs), id).stream().findFirst();
    }

    List<Suspension> list(int limit) {
        return jdbc.query("select * from service_suspension order by starts_at desc, id desc limit ?",
                (rs, n) -> suspension(rs), limit);
    }

    /** The suspensions that reached a customer and are not ended. */
    List<Suspension> activeFor(String customerCode) {
        return jdbc.query("""
                select s.* from service_suspension s join service_suspension_customer c on c.suspension_id = s.id
                where c.customer_code = ? and s.status = 'ACTIVE'""", (rs, n) -> suspension(rs), customerCode);
    }

    List<Affected> customers(long id) {
        return jdbc.query("""
                select * from service_suspension_customer where suspension_id = ?
                order by county_code, customer_manager, customer_code""", (rs, n) -> new Affected(
                rs.getString("customer_code"), rs.getString("store_name"), rs.getString("county_code"),
                rs.getString("customer_manager"), rs.getBoolean("key_customer"), rs.getBoolean("notified"),
                rs.getString("notified_by"), instant(rs.getTimestamp("notified_at"))), id);
    }

    boolean markNotified(long id, String customerCode, String by, Instant at) {
        return jdbc.update("""
                update service_suspension_customer set notified = true, notified_by = ?, notified_at = ?
                where suspension_id = ? and customer_code = ? and not notified""",
                by, Timestamp.from(at), id, customerCode) == 1;
    }

    boolean end(long id, Long version, String by, Instant at) {
        return jdbc.update("""
                update service_suspension set status = 'ENDED', ended_by = ?, ended_at = ?,
                    ends_at = case when ends_at is null or ends_at > ? then ? else ends_at end, version = version + 1
                where id = ? and status = 'ACTIVE' and (?::bigint is null or version = ?)""",
                by, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), id, version, version) == 1;
    }

    void addMakeUp(long suspensionId, Affected a, Instant at, Instant due) {
        jdbc.update("""
                insert into service_makeup_task (suspension_id, customer_code, store_name, manager, created_at, due_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", suspensionId, a.customerCode(), a.storeName(),
                a.customerManager(), Timestamp.from(at), Timestamp.from(due));
    }

    List<MakeUp> openMakeUps(String manager) {
        return jdbc.query("""
                select * from service_makeup_task where manager = ? and done_at is null order by due_at""",
                (rs, n) -> makeUp(rs), manager);
    }

    List<MakeUp> makeUps(long suspensionId) {
        return jdbc.query("select * from service_makeup_task where suspension_id = ? order by id",
                (rs, n) -> makeUp(rs), suspensionId);
    }

    Optional<MakeUp> openMakeUp(long id) {
        return jdbc.query("select * from service_makeup_task where id = ? and done_at is null for update",
                (rs, n) -> makeUp(rs), id).stream().findFirst();
    }

    void doneMakeUp(long id, String by, Instant at, String note) {
        jdbc.update("update service_makeup_task set done_at = ?, done_by = ?, note = ? where id = ?",
                Timestamp.from(at), by, note, id);
    }

    private static MakeUp makeUp(ResultSet rs) throws SQLException {
        return new MakeUp(rs.getLong("id"), rs.getLong("suspension_id"), rs.getString("customer_code"),
                rs.getString("store_name"), rs.getString("manager"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("due_at").toInstant());
    }

    private static Suspension suspension(ResultSet rs) throws SQLException {
        return new Suspension(rs.getLong("id"), Suspension.Cause.valueOf(rs.getString("cause")),
                texts(rs.getArray("county_codes")), texts(rs.getArray("org_unit_codes")),
                texts(rs.getArray("delivery_routes")), texts(rs.getArray("services")).stream()
                .map(Suspension.SuspendedService::valueOf).toList(), rs.getTimestamp("starts_at").toInstant(),
                instant(rs.getTimestamp("ends_at")), rs.getString("notice"), rs.getBoolean("cash_settlement"),
                Suspension.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("ended_by"), instant(rs.getTimestamp("ended_at")),
                rs.getLong("version"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
