package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.shared.infrastructure.SqlPages;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.maintenance.change.ChangeRequest.BulkRow;
import com.tobacco.retailcrm.maintenance.change.ChangeRequest.Notice;
import com.tobacco.retailcrm.maintenance.change.ChangeRequest.Step;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.tobacco.retailcrm.customer.api.SensitiveValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change requests, bulk rows and notices in their own tables (the engine holds their steps) (plain SQL; jsonb for field maps). Requested
 * values of sensitive fields are sealed by the customer module's key on the way in and opened on the way out, so
 * they never rest in clear (views mask them; see {@link ChangeRequestJson}).
 */
@Repository
class ChangeRequestStore {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, type, status, customer_code, county_id, customer_manager, requester, "
            + "requester_name, reason, changes::text, old_values::text, fingerprints::text, outcome, file_name, "
            + "created_at, closed_at, version";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final SensitiveValues sensitive;

    ChangeRequestStore(JdbcTemplate jdbc, JsonMapper json, SensitiveValues sensitive) {
        this.jdbc = jdbc;
        this.json = json;
        this.sensitive = sensitive;
    }

    /** Inserts the request under its id, which is the id of the case (办件) the engine runs it as. */
    void insert(ChangeRequest r) {
        jdbc.update("""
                insert into change_request (id, type, status, customer_code, county_id, customer_manager, requester,
                    requester_name, reason, changes, old_values, fingerprints, file_name, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)""", r.id(),
                r.type().name(), r.status().name(), r.customerCode(), r.countyId(), r.customerManager(), r.requester(),
                r.requesterName(), r.reason(), writeSealed(r.changes()), write(r.oldValues()), write(r.fingerprints()),
                r.fileName(), Timestamp.from(r.createdAt()));
    }

    /** Locks the request row for a step completion, so two people cannot complete the same step at once. */
    Optional<ChangeRequest> find(long id, boolean lock) {
        return jdbc.query("select " + COLUMNS + " from change_request where id = ?" + (lock ? " for update" : ""),
                this::request, id).stream().findFirst();
    }

    void close(long id, ChangeRequest.Status status, String outcome, Instant at) {
        jdbc.update("update change_request set status = ?, outcome = ?, closed_at = ?, version = version + 1 where id = ?",
                status.name(), outcome, at == null ? null : Timestamp.from(at), id);
    }

    void status(long id, ChangeRequest.Status status) {
        jdbc.update("update change_request set status = ?, version = version + 1 where id = ?", status.name(), id);
    }

    /**
     * The steps of a request raised before the engine ran change requests (V83 closed the open ones); requests
     * raised since have none here: their steps are the engine's tasks and the case's trail.
     */
    List<Step> legacySteps(long requestId) {
        return jdbc.query("select * from change_request_step where request_id = ? order by seq, id", this::step, requestId);
    }

    void addRows(long requestId, List<BulkRow> rows) {
        jdbc.batchUpdate("""
                insert into change_request_row (request_id, row_no, customer_code, county_id, changes, old_values,
                    fingerprints) values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)""", rows.stream()
                .map(r -> new Object[] {requestId, r.rowNo(), r.customerCode(), r.countyId(), writeSealed(r.changes()),
                        write(r.oldValues()), write(r.fingerprints())}).toList());
    }

    void rowResult(long requestId, int rowNo, String result, String message) {
        jdbc.update("update change_request_row set result = ?, message = ? where request_id = ? and row_no = ?",
                result, message, requestId, rowNo);
    }

    List<BulkRow> rows(long requestId) {
        return jdbc.query("""
                select row_no, customer_code, county_id, changes::text, old_values::text, fingerprints::text, result,
                    message from change_request_row where request_id = ? order by row_no""", (rs, i) -> new BulkRow(
                rs.getInt(1), rs.getString(2), (Long) rs.getObject(3), readSealed(rs.getString(4)), read(rs.getString(5)),
                read(rs.getString(6)), rs.getString(7), rs.getString(8)), requestId);
    }

    void addNotice(long requestId, Notice n) {
        jdbc.update("insert into change_request_notice (request_id, recipient, message, created_by, created_at) "
                + "values (?, ?, ?, ?, ?)", requestId, n.recipient(), n.message(), n.createdBy(), Timestamp.from(n.createdAt()));
    }

    List<Notice> notices(long requestId) {
        return jdbc.query("select recipient, message, created_by, created_at from change_request_notice "
                + "where request_id = ? order by id", (rs, i) -> new Notice(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getTimestamp(4).toInstant()), requestId);
    }

    /**
     * Requests matching a SQL filter, newest first, with the total. The filter is built by the service from fixed
     * fragments; values travel as arguments.
     */
    PageResponse<ChangeRequest> page(String where, List<Object> args, PageQuery page) {
        return SqlPages.page(jdbc, "select " + COLUMNS, "from change_request r where " + where,
                "created_at desc, id desc", args, this::request, page);
    }

    private ChangeRequest request(ResultSet rs, int i) throws SQLException {
        Timestamp closed = rs.getTimestamp(16);
        return new ChangeRequest(rs.getLong(1), ChangeType.valueOf(rs.getString(2)),
                ChangeRequest.Status.valueOf(rs.getString(3)), rs.getString(4), (Long) rs.getObject(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), readSealed(rs.getString(10)), read(rs.getString(11)),
                read(rs.getString(12)), rs.getString(13), rs.getString(14), rs.getTimestamp(15).toInstant(),
                closed == null ? null : closed.toInstant(), rs.getLong(17));
    }

    private Step step(ResultSet rs, int i) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Step(String.valueOf(rs.getLong("id")), rs.getLong("request_id"), rs.getInt("seq"),
                StepKey.valueOf(rs.getString("step_key")), rs.getString("candidate_role"),
                (Long) rs.getObject("candidate_unit"), rs.getString("assignee"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("due_at").toInstant(), rs.getString("status"),
                rs.getString("action"), rs.getString("comment"), rs.getString("completed_by"),
                completed == null ? null : completed.toInstant());
    }

    private String writeSealed(Map<String, String> changes) {
        Map<String, String> sealed = new LinkedHashMap<>();
        (changes == null ? Map.<String, String>of() : changes).forEach((k, v) -> sealed.put(k, sensitive.seal(k, v)));
        return write(sealed);
    }

    private Map<String, String> readSealed(String text) {
        Map<String, String> open = new LinkedHashMap<>();
        read(text).forEach((k, v) -> open.put(k, sensitive.unseal(k, v)));
        return open;
    }

    private String write(Map<String, String> map) {
        return json.writeValueAsString(map == null ? Map.of() : map);
    }

    private Map<String, String> read(String text) {
        return text == null ? Map.of() : json.readValue(text, MAP);
    }
}
