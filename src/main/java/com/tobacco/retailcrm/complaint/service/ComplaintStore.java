package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.shared.infrastructure.SqlPages;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.complaint.domain.CallbackLevel;
import com.tobacco.retailcrm.complaint.domain.Category;
import com.tobacco.retailcrm.complaint.domain.Channel;
import com.tobacco.retailcrm.complaint.domain.Complaint;
import com.tobacco.retailcrm.complaint.domain.ComplaintAction;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import com.tobacco.retailcrm.complaint.domain.Priority;
import com.tobacco.retailcrm.complaint.domain.Satisfaction;
import com.tobacco.retailcrm.customer.api.SensitiveValues;
import com.tobacco.retailcrm.shared.api.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Complaints, their timeline and callbacks in SQL. Every change of a complaint checks and bumps its version. */
@Repository
class ComplaintStore {

    static final String OPEN_STATUSES = "('RECEIVED','ASSIGNED','IN_PROGRESS','PAUSED')";

    private final JdbcTemplate jdbc;
    private final SensitiveValues sensitive;
    private final RowMapper<Complaint> mapper;

    ComplaintStore(JdbcTemplate jdbc, SensitiveValues sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.mapper = (rs, n) -> MAPPER.mapRow(rs, n).withContactPhone(
                sensitive.unseal(Complaint.CONTACT_PHONE_FIELD, rs.getString("contact_phone")));
    }

    /**
     * The next number of the month ({@code TS202611-00042}): one upsert takes the row lock, so concurrent intakes
     * get distinct numbers without gaps from a rolled-back read.
     */
    String nextNumber(String yyyymm) {
        Integer n = jdbc.queryForObject("""
                insert into complaint_number (month, last_value) values (?, 1)
                on conflict (month) do update set last_value = complaint_number.last_value + 1
                returning last_value""", Integer.class, yyyymm);
        return "TS" + yyyymm + "-" + String.format("%05d", n);
    }

    long insert(Complaint c) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into complaint (number, channel, category, priority, status, customer_code,
                        customer_county_code, customer_county_id, customer_manager, store_name, contact_name,
                        contact_phone, description, accused_employee, received_at, created_at, first_contact_owner,
                        due_first_response_at, due_resolution_at, duplicate_of)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[]{"id"});
            int i = 1;
            ps.setString(i++, c.number());
            ps.setString(i++, c.channel().name());
            ps.setString(i++, c.category().name());
            ps.setString(i++, c.priority().name());
            ps.setString(i++, c.status().name());
            ps.setString(i++, c.customerCode());
            ps.setString(i++, c.customerCountyCode());
            ps.setObject(i++, c.customerCountyId());
            ps.setString(i++, c.customerManager());
            ps.setString(i++, c.storeName());
            ps.setString(i++, c.contactName());
            ps.setString(i++, sensitive.seal(Complaint.CONTACT_PHONE_FIELD, c.contactPhone()));
            ps.setString(i++, c.description());
            ps.setString(i++, c.accusedEmployee());
            ps.setTimestamp(i++, Timestamp.from(c.receivedAt()));
            ps.setTimestamp(i++, Timestamp.from(c.createdAt()));
            ps.setString(i++, c.firstContactOwner());
            ps.setTimestamp(i++, Timestamp.from(c.dueFirstResponseAt()));
            ps.setTimestamp(i++, Timestamp.from(c.dueResolutionAt()));
            ps.setObject(i, c.duplicateOf());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    Optional<Complaint> find(long id) {
        return jdbc.query("select * from complaint where id = ?", mapper, id).stream().findFirst();
    }

    /**
     * Saves an action's change of the handling state if nobody changed the complaint since it was read (409 when
     * stale). Intake data and the escalation marks are not touched.
     */
    void save(Complaint read, Complaint changed) {
        int n = jdbc.update("""
                update complaint set status = ?, assignee = ?, assignee_org_unit_id = ?, due_first_response_at = ?,
                    due_resolution_at = ?, first_response_at = ?, resolved_at = ?, closed_at = ?, reply = ?, cause = ?,
                    paused_at = ?, pause_reason = ?, paused_seconds = ?, callback_round = ?, reopened_count = ?,
                    duplicate_of = ?, version = version + 1
                where id = ? and version = ?""", changed.status().name(), changed.assignee(),
                changed.assigneeOrgUnitId(), timestamp(changed.dueFirstResponseAt()),
                timestamp(changed.dueResolutionAt()), timestamp(changed.firstResponseAt()),
                timestamp(changed.resolvedAt()), timestamp(changed.closedAt()), changed.reply(), changed.cause(),
                timestamp(changed.pausedAt()), changed.pauseReason(), changed.pausedSeconds(), changed.callbackRound(),
                changed.reopenedCount(), changed.duplicateOf(), read.id(), read.version());
        if (n == 0) {
            throw new ConflictException("version", "complaint.error.stale", read.number());
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** Marks a breach as escalated once: false when another run (or instance) already did. */
    boolean markEscalated(long id, boolean resolution, Instant at) {
        String column = resolution ? "resolution_escalated_at" : "response_escalated_at";
        return jdbc.update("update complaint set " + column + " = ? where id = ? and " + column + " is null",
                Timestamp.from(at), id) == 1;
    }

    long addEvent(long complaintId, Instant at, String actor, ComplaintAction action, ComplaintStatus from,
                  ComplaintStatus to, String message) {
        return jdbc.queryForObject("""
                insert into complaint_event (complaint_id, at, actor, action, from_status, to_status, message)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, complaintId, Timestamp.from(at), actor, action.name(),
                from == null ? null : from.name(), to == null ? null : to.name(), message);
    }

    List<TimelineEntry> events(long complaintId) {
        return jdbc.query("select * from complaint_event where complaint_id = ? order by at, id", (rs, n) -> new TimelineEntry(
                rs.getLong("id"), rs.getLong("complaint_id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                ComplaintAction.valueOf(rs.getString("action")), status(rs.getString("from_status")),
                status(rs.getString("to_status")), rs.getString("message")), complaintId);
    }

    void addCallback(long complaintId, int round, CallbackLevel level, Satisfaction satisfaction, String note,
                     String actor, Instant at) {
        jdbc.update("""
                insert into complaint_callback (complaint_id, round, level, satisfaction, note, actor, at)
                values (?, ?, ?, ?, ?, ?, ?)""", complaintId, round, level.name(), satisfaction.name(), note, actor,
                Timestamp.from(at));
    }

    List<CallbackRecord> callbacks(long complaintId) {
        return jdbc.query("select * from complaint_callback where complaint_id = ? order by at, id", (rs, n) ->
                new CallbackRecord(rs.getLong("id"), rs.getInt("round"), CallbackLevel.valueOf(rs.getString("level")),
                        Satisfaction.valueOf(rs.getString("satisfaction")), rs.getString("note"), rs.getString("actor"),
                        rs.getTimestamp("at").toInstant()), complaintId);
    }

    /** Complaints of the same customer and category received within the window around {@code at}, newest first. */
    List<Complaint> sameCustomerAndCategory(String customerCode, Category category, Instant from, Instant to,
                                            Long except) {
        return jdbc.query("""
                select * from complaint where customer_code = ? and category = ? and received_at >= ?
                and received_at <= ? and id <> ? order by received_at desc limit 20""", mapper, customerCode,
                category.name(), Timestamp.from(from), Timestamp.from(to), except == null ? -1L : except);
    }

    /** Open complaints past a due time not yet escalated for it; the clock of a paused one stands still. */
    List<Complaint> breached(Instant now) {
        Timestamp t = Timestamp.from(now);
        return jdbc.query("select * from complaint where status in ('RECEIVED','ASSIGNED','IN_PROGRESS') and ("
                        + "(first_response_at is null and due_first_response_at < ? and response_escalated_at is null)"
                        + " or (due_resolution_at < ? and resolution_escalated_at is null)) order by id limit 1000",
                mapper, t, t);
    }

    List<Complaint> query(String sql, Object... args) {
        return jdbc.query(sql, mapper, args);
    }

    PageResponse<Complaint> page(String from, String orderBy, List<Object> args, PageQuery page) {
        return SqlPages.page(jdbc, "select *", from, orderBy, args, mapper, page);
    }

    private static ComplaintStatus status(String s) {
        return s == null ? null : ComplaintStatus.valueOf(s);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** The row as stored (the contact phone still sealed). */
    private static final RowMapper<Complaint> MAPPER = (rs, n) -> new Complaint(rs.getLong("id"), rs.getString("number"),
            Channel.valueOf(rs.getString("channel")), Category.valueOf(rs.getString("category")),
            Priority.valueOf(rs.getString("priority")), ComplaintStatus.valueOf(rs.getString("status")),
            rs.getString("customer_code"), rs.getString("customer_county_code"), longOrNull(rs, "customer_county_id"),
            rs.getString("customer_manager"), rs.getString("store_name"), rs.getString("contact_name"),
            rs.getString("contact_phone"), rs.getString("description"), rs.getString("accused_employee"),
            instant(rs, "received_at"), instant(rs, "created_at"), rs.getString("first_contact_owner"),
            rs.getString("assignee"), longOrNull(rs, "assignee_org_unit_id"), instant(rs, "due_first_response_at"),
            instant(rs, "due_resolution_at"), instant(rs, "first_response_at"), instant(rs, "resolved_at"),
            instant(rs, "closed_at"), rs.getString("reply"), rs.getString("cause"), instant(rs, "paused_at"),
            rs.getString("pause_reason"), rs.getLong("paused_seconds"), rs.getInt("callback_round"),
            rs.getInt("reopened_count"), instant(rs, "response_escalated_at"), instant(rs, "resolution_escalated_at"),
            longOrNull(rs, "duplicate_of"), rs.getLong("version"));
}
