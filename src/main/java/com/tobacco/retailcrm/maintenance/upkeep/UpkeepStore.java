package com.tobacco.retailcrm.maintenance.upkeep;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Upkeep tasks in their own table, written set-wise: a batch insert that skips a task already there (unique kind,
 * subject, period; ON CONFLICT DO NOTHING), so a job that runs twice or on two instances creates nothing new.
 */
@Repository
class UpkeepStore {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    UpkeepStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the tasks not yet there and answers how many were new. */
    int insertMissing(List<UpkeepTask> tasks) {
        int created = 0;
        for (int from = 0; from < tasks.size(); from += BATCH) {
            List<Object[]> args = tasks.subList(from, Math.min(tasks.size(), from + BATCH)).stream()
                    .map(t -> new Object[] {t.kind().name(), t.subject(), t.period(), t.customerCode(), t.assignee(),
                            t.candidateRole(), t.detail(), Timestamp.from(t.createdAt()), Timestamp.from(t.dueAt())})
                    .toList();
            for (int n : jdbc.batchUpdate("""
                    insert into upkeep_task (kind, subject, period, customer_code, assignee, candidate_role, detail,
                        created_at, due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (kind, subject, period) do nothing""", args)) {
                created += Math.max(n, 0);
            }
        }
        return created;
    }

    Optional<UpkeepTask> find(long id, boolean lock) {
        return jdbc.query("select * from upkeep_task where id = ?" + (lock ? " for update" : ""), this::task, id)
                .stream().findFirst();
    }

    void complete(long id, String by, Instant at, String comment) {
        jdbc.update("update upkeep_task set completed_by = ?, completed_at = ?, comment = ? where id = ?", by,
                Timestamp.from(at), comment, id);
    }

    /** Open tasks assigned to the user or to one of their roles, soonest due first. */
    List<UpkeepTask> open(String username, List<String> roles, Boolean overdue, Instant now, int offset, int limit) {
        List<Object> args = new ArrayList<>(List.of(username, roles.toArray(String[]::new)));
        String where = filter(overdue, now, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select * from upkeep_task where " + where + " order by due_at, id limit ? offset ?",
                this::task, args.toArray());
    }

    long countOpen(String username, List<String> roles, Boolean overdue, Instant now) {
        List<Object> args = new ArrayList<>(List.of(username, roles.toArray(String[]::new)));
        Long n = jdbc.queryForObject("select count(*) from upkeep_task where " + filter(overdue, now, args), Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    /** Open tasks assigned to any of these people (null: every open task), soonest due first. */
    List<UpkeepTask> openOf(java.util.Collection<String> assignees, Boolean overdue, Instant now, int limit) {
        List<Object> args = new ArrayList<>();
        String where = "completed_at is null";
        if (assignees != null) {
            where += " and assignee = any (?)";
            args.add(assignees.toArray(String[]::new));
        }
        if (overdue != null) {
            where += overdue ? " and due_at < ?" : " and due_at >= ?";
            args.add(Timestamp.from(now));
        }
        args.add(limit);
        return jdbc.query("select * from upkeep_task where " + where + " order by due_at, id limit ?", this::task,
                args.toArray());
    }

    /**
     * Tasks of an owner predicate (built by {@link UpkeepTasks} from fixed fragments) filtered by kind, state (open or
     * done; null both) and lateness (open past due, or done after due), soonest due first.
     */
    List<UpkeepTask> page(String owners, List<Object> ownerArgs, UpkeepKind kind, Boolean done, Boolean overdue,
                          Instant now, int offset, int limit) {
        List<Object> args = new ArrayList<>(ownerArgs);
        String where = where(owners, kind, done, overdue, now, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select * from upkeep_task where " + where + " order by completed_at is not null, due_at, id"
                + " limit ? offset ?", this::task, args.toArray());
    }

    long count(String owners, List<Object> ownerArgs, UpkeepKind kind, Boolean done, Boolean overdue, Instant now) {
        List<Object> args = new ArrayList<>(ownerArgs);
        Long n = jdbc.queryForObject("select count(*) from upkeep_task where "
                + where(owners, kind, done, overdue, now, args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(String owners, UpkeepKind kind, Boolean done, Boolean overdue, Instant now,
                                List<Object> args) {
        StringBuilder where = new StringBuilder("(").append(owners).append(")");
        if (kind != null) {
            where.append(" and kind = ?");
            args.add(kind.name());
        }
        if (done != null) {
            where.append(done ? " and completed_at is not null" : " and completed_at is null");
        }
        if (overdue != null) {
            where.append(overdue ? " and coalesce(completed_at, ?) > due_at" : " and coalesce(completed_at, ?) <= due_at");
            args.add(Timestamp.from(now));
        }
        return where.toString();
    }

    private static String filter(Boolean overdue, Instant now, List<Object> args) {
        String where = "completed_at is null and (assignee = ? or candidate_role = any (?))";
        if (overdue != null) {
            where += overdue ? " and due_at < ?" : " and due_at >= ?";
            args.add(Timestamp.from(now));
        }
        return where;
    }

    private UpkeepTask task(ResultSet rs, int i) throws SQLException {
        Timestamp done = rs.getTimestamp("completed_at");
        return new UpkeepTask(rs.getLong("id"), UpkeepKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                rs.getString("period"), rs.getString("customer_code"), rs.getString("assignee"),
                rs.getString("candidate_role"), rs.getString("detail"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), rs.getString("completed_by"), done == null ? null : done.toInstant(),
                rs.getString("comment"));
    }
}
