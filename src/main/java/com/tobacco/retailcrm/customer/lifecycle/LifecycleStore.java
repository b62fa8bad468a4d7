package com.tobacco.retailcrm.customer.lifecycle;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** customer_consent and customer_erasure, and the destruction itself on customer and customer_history. */
@Repository
class LifecycleStore {

    /** Columns that hold a keyed hash of a personal column's value (for exact search) and go with it. */
    private static final Map<String, String> HASH_COLUMNS = Map.of("order_phone", "order_phone_hash",
            "mobile_phone", "mobile_phone_hash");

    /** CANCELLED customers not yet erased, with when they were cancelled (their status history, else last update). */
    private static final String CANCELLED = """
            select c.id, c.customer_code,
                   coalesce((select max(h.changed_at) from customer_history_entry h
                              where h.customer_id = c.id and h.field = 'status' and h.new_value = 'CANCELLED'),
                            c.updated_at) as cancelled_at
            from customer c
            where c.status = 'CANCELLED'
              and not exists (select 1 from customer_erasure e where e.customer_id = c.id)""";

    private final JdbcTemplate jdbc;

    LifecycleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The consent row with the source of the creation (the first history rows of the customer). */
    record ConsentRow(String basis, String obtainedBy, Instant obtainedAt, String channel) {
    }

    Optional<ConsentRow> consent(String customerCode) {
        return jdbc.query("""
                select k.basis, k.obtained_by, k.obtained_at,
                       (select h.source from customer_history h where h.customer_id = c.id
                         order by h.changed_at, h.id limit 1) as channel
                from customer c join customer_consent k on k.customer_id = c.id
                where c.customer_code = ?""",
                (rs, n) -> new ConsentRow(rs.getString("basis"), rs.getString("obtained_by"),
                        rs.getTimestamp("obtained_at").toInstant(), rs.getString("channel")), customerCode)
                .stream().findFirst();
    }

    record ErasureRow(String customerCode, List<String> fields, Instant cancelledAt, Instant destroyedAt) {
    }

    Optional<ErasureRow> erasure(String customerCode) {
        return jdbc.query("select * from customer_erasure where customer_code = ?", this::erasureRow, customerCode)
                .stream().findFirst();
    }

    /** A CANCELLED customer not yet erased, with the instant it was cancelled (its status history, else its last update). */
    record Cancelled(long id, String customerCode, Instant cancelledAt) {
    }

    /** Cancelled customers whose cancellation is at or before the instant and whose data is not yet destroyed. */
    List<Cancelled> due(Instant cancelledNoLaterThan, int limit) {
        return jdbc.query("select * from (" + CANCELLED + ") d where d.cancelled_at <= ? order by d.cancelled_at, d.id limit ?",
                (rs, n) -> new Cancelled(rs.getLong("id"), rs.getString("customer_code"),
                        rs.getTimestamp("cancelled_at").toInstant()),
                Timestamp.from(cancelledNoLaterThan), limit);
    }

    /** When a CANCELLED customer whose data is not yet destroyed was cancelled (empty for any other customer). */
    Optional<Instant> cancelledAt(String customerCode) {
        return jdbc.query(CANCELLED + " and c.customer_code = ?",
                (rs, n) -> rs.getTimestamp("cancelled_at").toInstant(), customerCode).stream().findFirst();
    }

    /**
     * Locks a customer that is still CANCELLED and not erased (another instance's run may have taken it meanwhile),
     * returning whether it may be erased now.
     */
    boolean lockForErasure(long id) {
        return !jdbc.queryForList("""
                select c.id from customer c
                where c.id = ? and c.status = 'CANCELLED'
                  and not exists (select 1 from customer_erasure e where e.customer_id = c.id)
                for update of c""", Long.class, id).isEmpty();
    }

    /** Of these personal fields (key → column), those with a value in the row or in any history entry. */
    List<String> fieldsHoldingData(long id, Map<String, String> columns) {
        List<String> held = new ArrayList<>();
        String probes = columns.values().stream().map(c -> c + " is not null").collect(Collectors.joining(", "));
        jdbc.query("select " + probes + " from customer where id = ?", rs -> {
            int i = 1;
            for (String key : columns.keySet()) {
                if (rs.getBoolean(i++)) {
                    held.add(key);
                }
            }
        }, id);
        List<String> inHistory = jdbc.queryForList("""
                select distinct field from customer_history_entry
                where customer_id = ? and field = any (?) and (old_value is not null or new_value is not null)""",
                String.class, id, columns.keySet().toArray(String[]::new));
        return columns.keySet().stream().filter(k -> held.contains(k) || inHistory.contains(k)).toList();
    }

    /**
     * Records the erasure, then clears the fields in the row (and their search hashes) and their values in the
     * history, in per-field rows and in creations stored as one row (V255), which V145's trigger allows only once
     * the erasure is recorded. The row's version moves on so an open
     * form cannot write the old values back.
     */
    void erase(Cancelled customer, Map<String, String> columns, List<String> fields, Instant now) {
        jdbc.update("""
                insert into customer_erasure (customer_id, customer_code, fields, cancelled_at, destroyed_at)
                values (?, ?, ?, ?, ?)""", customer.id(), customer.customerCode(), fields.toArray(String[]::new),
                Timestamp.from(customer.cancelledAt()), Timestamp.from(now));
        if (fields.isEmpty()) {
            return;
        }
        List<String> sets = new ArrayList<>();
        for (String key : fields) {
            String column = columns.get(key);
            sets.add(column + " = null");
            if (HASH_COLUMNS.containsKey(column)) {
                sets.add(HASH_COLUMNS.get(column) + " = null");
            }
        }
        jdbc.update("update customer set " + String.join(", ", sets)
                + ", version = version + 1, updated_at = ? where id = ?", Timestamp.from(now), customer.id());
        jdbc.update("""
                update customer_history set old_value = null, new_value = null
                where customer_id = ? and field = any (?) and (old_value is not null or new_value is not null)""",
                customer.id(), fields.toArray(String[]::new));
        jdbc.update("""
                update customer_history h
                set created_values = (select array_agg(case when f.field = any (?) then null else f.value end
                                                       order by f.position)
                                      from unnest(h.created_fields, h.created_values)
                                           with ordinality as f(field, value, position))
                where customer_id = ? and created_fields && ?::text[]""",
                fields.toArray(String[]::new), customer.id(), fields.toArray(String[]::new));
    }

    private ErasureRow erasureRow(ResultSet rs, int n) throws SQLException {
        Array fields = rs.getArray("fields");
        return new ErasureRow(rs.getString("customer_code"), Arrays.asList((String[]) fields.getArray()),
                rs.getTimestamp("cancelled_at").toInstant(), rs.getTimestamp("destroyed_at").toInstant());
    }
}
