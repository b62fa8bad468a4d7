package com.tobacco.retailcrm.service.notice;

import com.tobacco.retailcrm.customer.api.CustomerFacts;
import com.tobacco.retailcrm.security.api.DataScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Notices, their recipients and the webhook outbox in SQL. The audience is resolved set-based against the archive's
 * view ({@link CustomerFacts#VIEW}), so a notice to the whole company never loads the archive into memory.
 */
@Repository
class NoticeStore {

    private final JdbcTemplate jdbc;

    NoticeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The audience as SQL arguments: county org unit ids, format codes, class codes. */
    record Filter(Long[] countyIds, String[] formats, String[] classes) {

        private static final String WHERE = "\n" + """
                where status = 'ACTIVE'
                   and (cardinality(?::bigint[]) = 0 or county_org_unit_id = any(?::bigint[]))
                   and (cardinality(?::text[]) = 0 or retail_format = any(?::text[]))
                   and (cardinality(?::text[]) = 0 or customer_class = any(?::text[]))""";

        Object[] args() {
            return new Object[]{countyIds, countyIds, formats, formats, classes, classes};
        }
    }

    /** A customer a notice was sent to, with the delivery of its batch and its reading receipt. */
    record Recipient(long noticeId, String customerCode, String storeName, Long countyOrgUnitId, String customerManager,
                     int batchNo, String deliveryStatus, Instant deliveredAt, Instant readAt) {
    }

    /** One webhook call of a batch of recipients. */
    record Delivery(long id, long noticeId, int batchNo, String status, int attempts, Instant nextAttemptAt,
                    String lastError, Instant deliveredAt) {
    }

    long insert(Notice n) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into notice (kind, title, body, county_codes, retail_formats, customer_classes, publish_at,
                        status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)""",
                    new String[]{"id"});
            ps.setString(1, n.kind().name());
            ps.setString(2, n.title());
            ps.setString(3, n.body());
            ps.setArray(4, con.createArrayOf("text", n.audience().countyCodes().toArray()));
            ps.setArray(5, con.createArrayOf("text", n.audience().retailFormats().toArray()));
            ps.setArray(6, con.createArrayOf("text", n.audience().customerClasses().toArray()));
            ps.setTimestamp(7, Timestamp.from(n.publishAt()));
            ps.setString(8, n.createdBy());
            ps.setTimestamp(9, Timestamp.from(n.createdAt()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    long count(Filter f) {
        Long n = jdbc.queryForObject("select count(*) from " + CustomerFacts.VIEW + Filter.WHERE, Long.class, f.args());
        return n == null ? 0 : n;
    }

    /**
     * Records the audience's ACTIVE customers as recipients, in batches of {@code batchSize} by customer code, with
     * one outbox row per batch (NO_TARGET when there is no webhook), and marks the notice published.
     */
    int publish(long id, Filter f, int batchSize, boolean target, Instant now) {
        List<Object> args = new ArrayList<>(List.of(id, batchSize));
        args.addAll(Arrays.asList(f.args()));
        int recipients = jdbc.update("""
                insert into notice_recipient (notice_id, batch_no, customer_code, store_name, county_org_unit_id,
                    customer_manager)
                select ?, ((row_number() over (order by customer_code)) - 1) / ?, customer_code, store_name,
                    county_org_unit_id, customer_manager from """ + " " + CustomerFacts.VIEW + Filter.WHERE,
                args.toArray());
        jdbc.update("""
                insert into notice_delivery (notice_id, batch_no, status, next_attempt_at, created_at)
                select distinct ?::bigint, batch_no, ?::text, ?::timestamptz, ?::timestamptz from notice_recipient where notice_id = ?""",
                id, target ? "PENDING" : "NO_TARGET", Timestamp.from(now), Timestamp.from(now), id);
        jdbc.update("""
                update notice set status = 'PUBLISHED', published_at = ?, recipient_count = ?, version = version + 1
                where id = ?""", Timestamp.from(now), recipients, id);
        return recipients;
    }

    Optional<Notice> find(long id) {
        return jdbc.query("select * from notice where id = ?", (rs, n) -> notice(rs), id).stream().findFirst();
    }

    List<Notice> list(Notice.Kind kind, int limit) {
        return jdbc.query("""
                select * from notice where (?::text is null or kind = ?) order by publish_at desc, id desc limit ?""",
                (rs, n) -> notice(rs), kind == null ? null : kind.name(), kind == null ? null : kind.name(), limit);
    }

    /** The published notices a customer was sent, newest first. */
    List<Notice> sentTo(String customerCode, Notice.Kind kind) {
        return jdbc.query("""
                select n.* from notice n join notice_recipient r on r.notice_id = n.id
                where r.customer_code = ? and (?::text is null or n.kind = ?)
                order by n.published_at desc, n.id desc""", (rs, n) -> notice(rs), customerCode,
                kind == null ? null : kind.name(), kind == null ? null : kind.name());
    }

    /** Scheduled notices whose time has come, each locked for this instance (another one skips it). */
    List<Long> lockDueScheduled(Instant now, int limit) {
        return jdbc.queryForList("""
                select id from notice where status = 'SCHEDULED' and publish_at <= ?
                order by publish_at, id limit ? for update skip locked""", Long.class, Timestamp.from(now), limit);
    }

    /** A notice's recipients within a data scope (its manager and county as recorded), at most {@code limit}. */
    List<Recipient> recipients(long id, DataScope scope, String customerCode, int limit) {
        var predicate = scope.toSql("r.customer_manager", "r.county_org_unit_id");
        List<Object> args = new ArrayList<>();
        args.add(id);
        args.addAll(predicate.args());
        args.add(customerCode);
        args.add(customerCode);
        args.add(limit);
        return jdbc.query("""
                select r.*, d.status as delivery_status, d.delivered_at from notice_recipient r
                left join notice_delivery d on d.notice_id = r.notice_id and d.batch_no = r.batch_no
                where r.notice_id = ? and """ + " " + predicate.sql() + "\n" + """
                and (?::text is null or r.customer_code = ?)
                order by r.county_org_unit_id, r.customer_manager, r.customer_code limit ?""",
                (rs, n) -> recipient(rs), args.toArray());
    }

    /** How many recipients read it, and how many of them in each delivery status. */
    List<Object[]> deliveryCounts(long id) {
        return jdbc.query("""
                select coalesce(d.status, 'NONE'), count(*), count(r.read_at) from notice_recipient r
                left join notice_delivery d on d.notice_id = r.notice_id and d.batch_no = r.batch_no
                where r.notice_id = ? group by 1 order by 1""",
                (rs, n) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getLong(3)}, id);
    }

    /** Records the first reading of a recipient; false when it was read before (the receipt is idempotent). */
    boolean read(long id, String customerCode, Instant readAt, Instant now) {
        return jdbc.update("""
                update notice_recipient set read_at = ?, receipt_at = ?
                where notice_id = ? and customer_code = ? and read_at is null""",
                Timestamp.from(readAt), Timestamp.from(now), id, customerCode) == 1;
    }

    List<Delivery> deliveries(long noticeId) {
        return jdbc.query("select * from notice_delivery where notice_id = ? order by batch_no",
                (rs, n) -> delivery(rs), noticeId);
    }

    /** The next delivery due, locked for this transaction; a delivery another instance holds is skipped. */
    Optional<Delivery> lockNextDue(Instant now) {
        return jdbc.query("""
                select * from notice_delivery where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id limit 1 for update skip locked""", (rs, n) -> delivery(rs),
                Timestamp.from(now)).stream().findFirst();
    }

    List<String> batch(long noticeId, int batchNo) {
        return jdbc.queryForList("""
                select customer_code from notice_recipient where notice_id = ? and batch_no = ? order by customer_code""",
                String.class, noticeId, batchNo);
    }

    void delivered(long deliveryId, int attempts, Instant at) {
        jdbc.update("""
                update notice_delivery set status = 'DELIVERED', attempts = ?, delivered_at = ?, last_error = null
                where id = ?""", attempts, Timestamp.from(at), deliveryId);
    }

    void failed(long deliveryId, int attempts, String status, Instant next, String error) {
        jdbc.update("""
                update notice_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?""",
                status, attempts, Timestamp.from(next), error.length() > 500 ? error.substring(0, 500) : error,
                deliveryId);
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        return new Notice(rs.getLong("id"), Notice.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("body"), new Notice.Audience(texts(rs.getArray("county_codes")),
                texts(rs.getArray("retail_formats")), texts(rs.getArray("customer_classes"))),
                rs.getTimestamp("publish_at").toInstant(), Notice.Status.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("published_at")), rs.getInt("recipient_count"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        long county = rs.getLong("county_org_unit_id");
        return new Recipient(rs.getLong("notice_id"), rs.getString("customer_code"), rs.getString("store_name"),
                rs.wasNull() ? null : county, rs.getString("customer_manager"), rs.getInt("batch_no"),
                rs.getString("delivery_status"), instant(rs.getTimestamp("delivered_at")),
                instant(rs.getTimestamp("read_at")));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("notice_id"), rs.getInt("batch_no"), rs.getString("status"),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                instant(rs.getTimestamp("delivered_at")));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
