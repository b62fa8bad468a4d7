package com.tobacco.retailcrm.audit.domain;

import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log with filters and paging, newest first by default. */
@Component
public class AuditEventReader {

    public static final Set<String> SORTABLE = Set.of("occurredAt", "actor", "action");

    private final JdbcTemplate jdbc;
    private final CrmProperties properties;

    AuditEventReader(JdbcTemplate jdbc, CrmProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public PageResponse<AuditEventView> find(AuditEventQuery q, PageQuery page) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
        String column = switch (String.valueOf(page.sortField())) {
            case "actor" -> "actor";
            case "action" -> "action";
            default -> "occurred_at";
        };
        String order = " order by " + column + (page.ascending() ? " asc" : " desc") + ", id desc limit ? offset ?";
        args.add(page.size());
        args.add(page.offset());
        List<AuditEventView> items = jdbc.query("select * from audit_event" + where + order, this::map, args.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page.page(), page.size());
    }

    /** The events of the filter, newest first, at most {@code limit}, handed over in chunks as read (for a file). */
    @Transactional(readOnly = true)
    public int forEach(AuditEventQuery q, int limit, int chunk, Consumer<List<AuditEventView>> sink) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        args.add(limit);
        List<AuditEventView> buffer = new ArrayList<>(chunk);
        int[] count = {0};
        jdbc.query("select * from audit_event" + where + " order by occurred_at desc, id desc limit ?", rs -> {
            buffer.add(map(rs, count[0]++));
            if (buffer.size() == chunk) {
                sink.accept(List.copyOf(buffer));
                buffer.clear();
            }
        }, args.toArray());
        if (!buffer.isEmpty()) {
            sink.accept(List.copyOf(buffer));
        }
        return count[0];
    }

    private static String where(AuditEventQuery q, List<Object> args) {
        var where = new StringBuilder(" where true");
        if (q.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (q.actors() != null) {
            where.append(" and actor = any(?)");
            args.add(q.actors().toArray(String[]::new));
        }
        if (q.action() != null && !q.action().isBlank()) {
            where.append(" and action = ?");
            args.add(q.action().trim());
        }
        if (q.customerCode() != null && !q.customerCode().isBlank()) {
            where.append(" and customer_code = ?");
            args.add(q.customerCode().trim());
        }
        if (q.object() != null && !q.object().isBlank()) {
            where.append(" and (target_id = ? or customer_code = ?)");
            args.add(q.object().trim());
            args.add(q.object().trim());
        }
        return where.toString();
    }

    /**
     * The actions that occur in the log, for the filter's choice list. The log grows to millions of rows, so this
     * skips through the action index one distinct value at a time (a loose index scan) instead of reading it all.
     */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.queryForList("""
                with recursive a(action) as (
                    select min(action) from audit_event
                    union all
                    select (select min(e.action) from audit_event e where e.action > a.action) from a where a.action is not null)
                select action from a where action is not null""", String.class);
    }

    private AuditEventView map(ResultSet rs, int row) throws SQLException {
        return new AuditEventView(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant().atZone(properties.zone()).toOffsetDateTime(),
                rs.getString("actor"), rs.getString("source_ip"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("customer_code"), rs.getString("outcome"), rs.getString("detail"));
    }
}
