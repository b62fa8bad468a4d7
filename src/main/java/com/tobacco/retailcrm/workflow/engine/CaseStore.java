package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TrailEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** wf_case and wf_trail: our record of each case and of every completed task. */
@Component
class CaseStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CaseStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record CaseRow(long id, String caseType, String title, String processInstanceId, long scopeOrgUnitId,
                   String customerCode, String status, String startedBy, Instant startedAt, Instant dueAt,
                   Instant endedAt, Map<String, Object> data) {
    }

    long insert(String caseType, String title, long scopeOrgUnitId, String customerCode, String startedBy,
                Instant startedAt, Instant dueAt, Map<String, Object> data) {
        return jdbc.queryForObject("""
                insert into wf_case (case_type, title, scope_org_unit_id, customer_code, started_by, started_at, due_at, data)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id""", Long.class, caseType, title, scopeOrgUnitId,
                customerCode, startedBy, Timestamp.from(startedAt), Timestamp.from(dueAt), json.writeValueAsString(data));
    }

    void attachProcess(long caseId, String processInstanceId) {
        jdbc.update("update wf_case set process_instance_id = ? where id = ?", processInstanceId, caseId);
    }

    void merge(long caseId, Map<String, Object> data) {
        Object code = data.get("customerCode");
        jdbc.update("""
                update wf_case set data = data || ?::jsonb, customer_code = coalesce(?, customer_code),
                       version = version + 1 where id = ?""", json.writeValueAsString(data),
                code == null ? null : code.toString(), caseId);
    }

    void end(long caseId, String status, Instant at) {
        jdbc.update("update wf_case set status = ?, ended_at = ?, version = version + 1 where id = ?", status,
                Timestamp.from(at), caseId);
    }

    Optional<CaseRow> find(long id) {
        return jdbc.query("select * from wf_case where id = ?", this::row, id).stream().findFirst();
    }

    Optional<CaseRow> byProcess(String processInstanceId) {
        return jdbc.query("select * from wf_case where process_instance_id = ?", this::row, processInstanceId)
                .stream().findFirst();
    }

    Map<String, CaseRow> byProcesses(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        var rows = jdbc.query("select * from wf_case where process_instance_id = any(?)", this::row,
                (Object) processInstanceIds.toArray(String[]::new));
        var result = new java.util.HashMap<String, CaseRow>();
        rows.forEach(r -> result.put(r.processInstanceId(), r));
        return result;
    }

    /** Cases of a type (null: all) passing a visibility predicate, newest first. */
    List<CaseRow> page(String caseType, String visibleSql, List<Object> visibleArgs, int limit, long offset) {
        var args = new java.util.ArrayList<Object>();
        args.add(caseType);
        args.add(caseType);
        args.addAll(visibleArgs);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select * from wf_case c where (?::text is null or case_type = ?) and (" + visibleSql
                + ") order by started_at desc, id desc limit ? offset ?", this::row, args.toArray());
    }

    /** The process instances of the open cases passing a visibility predicate. */
    List<String> openProcesses(String visibleSql, List<Object> visibleArgs) {
        return jdbc.queryForList("select process_instance_id from wf_case c where status = 'OPEN'"
                + " and process_instance_id is not null and (" + visibleSql + ")", String.class, visibleArgs.toArray());
    }

    long count(String caseType, String visibleSql, List<Object> visibleArgs) {
        var args = new java.util.ArrayList<Object>();
        args.add(caseType);
        args.add(caseType);
        args.addAll(visibleArgs);
        return jdbc.queryForObject("select count(*) from wf_case c where (?::text is null or case_type = ?) and ("
                + visibleSql + ")", Long.class, args.toArray());
    }

    void trail(long caseId, StepDefinition step, String taskId, TaskAction action, String actor, String actingFor,
               String comment, Map<String, Object> data, Instant taskCreatedAt, Instant taskDueAt, Instant at) {
        jdbc.update("""
                insert into wf_trail (case_id, step, step_key, step_name, task_id, action, actor, acting_for, comment,
                                      data, task_created_at, task_due_at, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", caseId, step.number(), step.key(), step.name(),
                taskId, action.name(), actor, actingFor, comment, json.writeValueAsString(data),
                Timestamp.from(taskCreatedAt), taskDueAt == null ? null : Timestamp.from(taskDueAt), Timestamp.from(at));
    }

    List<TrailEntry> trailOf(long caseId) {
        return jdbc.query("select * from wf_trail where case_id = ? order by id", (rs, i) -> new TrailEntry(
                rs.getLong("id"), rs.getInt("step"), rs.getString("step_key"), rs.getString("step_name"),
                TaskAction.valueOf(rs.getString("action")), rs.getString("actor"), rs.getString("acting_for"),
                rs.getString("comment"), json.readValue(rs.getString("data"), MAP), instant(rs, "task_created_at"),
                instant(rs, "task_due_at"), instant(rs, "at"), rs.getString("task_id")), caseId);
    }

    private CaseRow row(ResultSet rs, int i) throws SQLException {
        return new CaseRow(rs.getLong("id"), rs.getString("case_type"), rs.getString("title"),
                rs.getString("process_instance_id"), rs.getLong("scope_org_unit_id"), rs.getString("customer_code"),
                rs.getString("status"), rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "due_at"),
                instant(rs, "ended_at"), json.readValue(rs.getString("data"), MAP));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
