package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default visit cycle by business scale (1 大, 2 中, 3 小) and for unclassified customers, for customers whose
 * archive leaves {@code visitCycle} empty. Changed by the market department with the version it saw, audited.
 */
@Service
public class VisitCycleSettings {

    static final String UNCLASSIFIED = "UNCLASSIFIED";
    private static final Set<String> SCALES = Set.of("1", "2", "3");

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    VisitCycleSettings(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The settings as stored: cycles by scale, the unclassified default and the version to send back. */
    public record Cycles(Map<String, VisitCycle> byScale, VisitCycle unclassified, long version) {
    }

    @Transactional(readOnly = true)
    public Cycles current() {
        Map<String, VisitCycle> byScale = new LinkedHashMap<>();
        VisitCycle[] unclassified = {VisitCycle.MONTHLY};
        long[] version = {0};
        jdbc.query("select scale, cycle, version from visit_cycle_default order by scale", rs -> {
            VisitCycle cycle = VisitCycle.valueOf(rs.getString("cycle"));
            version[0] = Math.max(version[0], rs.getLong("version"));
            if (UNCLASSIFIED.equals(rs.getString("scale"))) {
                unclassified[0] = cycle;
            } else {
                byScale.put(rs.getString("scale"), cycle);
            }
        });
        return new Cycles(byScale, unclassified[0], version[0]);
    }

    @Transactional
    public Cycles replace(Map<String, String> byScale, String unclassified, Long version) {
        jdbc.queryForList("select scale from visit_cycle_default for update");
        Cycles current = current();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, VisitCycle> changes = new LinkedHashMap<>();
        if (byScale != null) {
            byScale.forEach((scale, cycle) -> {
                if (!SCALES.contains(scale)) {
                    problems.add(new FieldProblem("byScale." + scale, "{visit.error.scale}"));
                } else {
                    put(changes, scale, "byScale." + scale, cycle, problems);
                }
            });
        }
        if (unclassified != null) {
            put(changes, UNCLASSIFIED, "unclassified", unclassified, problems);
        }
        if (version == null) {
            problems.add(new FieldProblem("version", "{service.error.versionRequired}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (version != current.version()) {
            throw new ConflictException("version", "service.error.stale");
        }
        String user = CurrentUsers.require().username();
        Timestamp now = Timestamp.from(clock.instant());
        changes.forEach((scale, cycle) -> jdbc.update(
                "update visit_cycle_default set cycle = ?, updated_by = ?, updated_at = ? where scale = ?",
                cycle.name(), user, now, scale));
        jdbc.update("update visit_cycle_default set version = ?", current.version() + 1);
        Cycles saved = current();
        jdbc.update("insert into visit_cycle_history (version, cycles, changed_by, changed_at) values (?, ?, ?, ?)",
                saved.version(), text(saved), user, now);
        audit.record(AuditEntry.of("VISIT_CYCLE_SETTINGS", "SETTINGS", "visit-cycles").detail(changes.toString()));
        return saved;
    }

    /** One saved version of the settings. */
    public record Version(long version, String cycles, String changedBy, java.time.Instant changedAt) {
    }

    /** The saved versions, newest first (the seeded first version has none). */
    @Transactional(readOnly = true)
    public List<Version> history() {
        return jdbc.query("select * from visit_cycle_history order by version desc limit 50", (rs, n) -> new Version(
                rs.getLong("version"), rs.getString("cycles"), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant()));
    }

    /** The cycles as stored in the history: {@code 1=WEEKLY,2=BIWEEKLY,3=MONTHLY,UNCLASSIFIED=MONTHLY}. */
    private static String text(Cycles c) {
        StringBuilder sb = new StringBuilder();
        c.byScale().forEach((scale, cycle) -> sb.append(scale).append('=').append(cycle.name()).append(','));
        return sb.append(UNCLASSIFIED).append('=').append(c.unclassified().name()).toString();
    }

    private static void put(Map<String, VisitCycle> changes, String scale, String field, String value,
                            List<FieldProblem> problems) {
        VisitCycle cycle = VisitCycle.parse(value);
        if (cycle == null) {
            problems.add(new FieldProblem(field, "{visit.error.cycle}"));
        } else {
            changes.put(scale, cycle);
        }
    }
}
