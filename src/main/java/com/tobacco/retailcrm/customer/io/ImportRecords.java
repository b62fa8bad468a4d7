package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The customer_import table: the record of each import, its progress while it runs, and its result. */
@Repository
class ImportRecords {

    /** At most this many row errors are kept per import; the counts stay exact. */
    static final int MAX_ERRORS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ImportError>> ERROR_LIST = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CrmProperties properties;

    private final AuditLog audit;

    ImportRecords(JdbcTemplate jdbc, Clock clock, CrmProperties properties, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    long start(String fileName, SpreadsheetFormat format, int total, String user) {
        return jdbc.queryForObject("""
                insert into customer_import (file_name, format, status, total, created_by, created_at)
                values (?, ?, 'RUNNING', ?, ?, ?) returning id""", Long.class,
                fileName, format.name(), total, user, Timestamp.from(clock.instant()));
    }

    /** Adds a chunk's counts and errors; called once per chunk so progress is visible while it runs. */
    void progress(long id, ImportTally chunk) {
        jdbc.update("""
                update customer_import set processed = processed + ?, created = created + ?, updated = updated + ?,
                    unchanged = unchanged + ?, failed = failed + ?,
                    errors = case when jsonb_array_length(errors) >= ? then errors
                                  else errors || (select coalesce(jsonb_agg(e order by i), '[]'::jsonb)
                                                  from (select e, i from jsonb_array_elements(?::jsonb)
                                                            with ordinality t(e, i)
                                                        order by i limit ? - jsonb_array_length(errors)) x) end,
                    errors_truncated = errors_truncated or jsonb_array_length(errors) + ? > ?
                where id = ?""",
                chunk.processed(), chunk.created(), chunk.updated(), chunk.unchanged(), chunk.failed(),
                MAX_ERRORS, JSON.writeValueAsString(chunk.errors()), MAX_ERRORS,
                chunk.errors().size(), MAX_ERRORS, id);
    }

    void finish(long id) {
        jdbc.update("update customer_import set status = 'DONE', finished_at = ? where id = ?",
                Timestamp.from(clock.instant()), id);
        recordEnd(id, AuditOutcome.SUCCESS);
    }

    void fail(long id, String failure) {
        jdbc.update("update customer_import set status = 'FAILED', failure = ?, finished_at = ? where id = ?",
                failure, Timestamp.from(clock.instant()), id);
        recordEnd(id, AuditOutcome.FAILURE);
    }

    /** The import's end in the audit log, with its counts, in the name of who started it (it may run in the background). */
    private void recordEnd(long id, AuditOutcome outcome) {
        jdbc.query("select file_name, created_by, total, created, updated, unchanged, failed from customer_import "
                + "where id = ?", rs -> {
            audit.record(AuditEntry.of("CUSTOMER_IMPORT", "CUSTOMER_IMPORT", String.valueOf(id)).outcome(outcome)
                    .as(rs.getString("created_by"))
                    .detail("file=" + rs.getString("file_name") + " rows=" + rs.getInt("total") + " created="
                            + rs.getInt("created") + " updated=" + rs.getInt("updated") + " unchanged="
                            + rs.getInt("unchanged") + " failed=" + rs.getInt("failed")));
        }, id);
    }

    /** Imports that were running when the application stopped will never finish: say so. */
    int abandonRunning(String failure) {
        return jdbc.update("update customer_import set status = 'FAILED', failure = ?, finished_at = ? "
                + "where status = 'RUNNING'", failure, Timestamp.from(clock.instant()));
    }

    /** The import running now, if any (at most one runs at a time). */
    Optional<ImportView> running() {
        return jdbc.query("select * from customer_import where status = 'RUNNING' order by id desc limit 1", this::view)
                .stream().findFirst();
    }

    Optional<ImportView> find(long id) {
        return jdbc.query("select * from customer_import where id = ?", this::view, id).stream().findFirst();
    }

    List<ImportView> recent(String user, int limit) {
        return user == null
                ? jdbc.query("select * from customer_import order by created_at desc, id desc limit ?", this::view, limit)
                : jdbc.query("select * from customer_import where created_by = ? order by created_at desc, id desc limit ?",
                        this::view, user, limit);
    }

    private ImportView view(ResultSet rs, int n) throws SQLException {
        return new ImportView(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"),
                rs.getString("status"), rs.getInt("total"), rs.getInt("processed"), rs.getInt("created"),
                rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("failed"),
                JSON.readValue(rs.getString("errors"), ERROR_LIST), rs.getBoolean("errors_truncated"),
                rs.getString("failure"), rs.getString("created_by"), time(rs, "created_at"), time(rs, "finished_at"));
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(properties.zone()).toOffsetDateTime();
    }
}
