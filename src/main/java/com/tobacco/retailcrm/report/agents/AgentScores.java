package com.tobacco.retailcrm.report.agents;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 话务员考核 — a month's figures are put as a whole (the month's list replaces what was there, so a corrected sheet can
 * simply be sent again) and read back with the three indices under the current coefficients.
 */
@Service
public class AgentScores {

    public record Settings(BigDecimal complaintCoefficient, BigDecimal attendanceCoefficient, long version) {
    }

    public record Row(AgentScore score, AgentIndices indices) {
    }

    private static final List<String> INTEGERS = List.of("calls", "complaintCalls", "callTarget", "complaints", "absences");
    private static final List<String> SCORES = List.of("monitoringScore", "testCallScore", "trainingScore");

    private final JdbcTemplate jdbc;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Clock clock;

    AgentScores(JdbcTemplate jdbc, UserDirectory users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public int put(YearMonth month, List<Map<String, Object>> rows) {
        if (rows == null || rows.size() > 2_000) {
            throw new InvalidInputException("body", "{report.agents.error.batch}");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<AgentScore> scores = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            AgentScore s = parse("[" + i + "].", rows.get(i), problems);
            if (s != null) {
                if (!seen.add(s.agent())) {
                    problems.add(new FieldProblem("[" + i + "].agent", "{report.agents.error.repeated}"));
                }
                scores.add(s);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.update("delete from agent_score where month = ?", month.toString());
        String who = CurrentUsers.require().username();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into agent_score (month, agent, calls, complaint_calls, call_target, monitoring_score,
                                         test_call_score, complaints, training_score, absences, entered_by, entered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", scores.stream().map(s -> new Object[] {month.toString(),
                s.agent(), s.calls(), s.complaintCalls(), s.callTarget(), s.monitoringScore(), s.testCallScore(),
                s.complaints(), s.trainingScore(), s.absences(), who, now}).toList());
        audit.record(AuditEntry.of("AGENT_SCORES_PUT", "AGENT_SCORES", month.toString()).detail(scores.size() + " agents"));
        return scores.size();
    }

    @Transactional(readOnly = true)
    public List<Row> of(YearMonth month) {
        Settings k = settings();
        return jdbc.query("""
                select agent, calls, complaint_calls, call_target, monitoring_score, test_call_score, complaints,
                       training_score, absences from agent_score where month = ? order by agent""",
                (rs, n) -> new AgentScore(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7), rs.getBigDecimal(8), rs.getInt(9)),
                month.toString()).stream()
                .map(s -> new Row(s, AgentIndices.of(s, k.complaintCoefficient(), k.attendanceCoefficient()))).toList();
    }

    @Transactional(readOnly = true)
    public Settings settings() {
        return jdbc.queryForObject("select complaint_coefficient, attendance_coefficient, version from agent_kpi_settings",
                (rs, n) -> new Settings(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getLong(3)));
    }

    @Transactional
    public Settings updateSettings(Object complaintCoefficient, Object attendanceCoefficient, Long version) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal c = decimal("complaintCoefficient", complaintCoefficient, problems);
        BigDecimal a = decimal("attendanceCoefficient", attendanceCoefficient, problems);
        if (version == null) {
            problems.add(new FieldProblem("version", "{report.agents.error.version}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.update("update agent_kpi_settings set complaint_coefficient = ?, attendance_coefficient = ?,"
                + " version = version + 1 where version = ?", c, a, version);
        if (n == 0) {
            throw new ConflictException("version", "report.agents.error.stale");
        }
        audit.record(AuditEntry.of("AGENT_KPI_SETTINGS", "SETTINGS", "agent-kpi").detail(c + " / " + a));
        return settings();
    }

    private AgentScore parse(String prefix, Map<String, Object> row, List<FieldProblem> problems) {
        if (row == null) {
            problems.add(new FieldProblem(prefix.substring(0, prefix.length() - 1), "{report.agents.error.row}"));
            return null;
        }
        int before = problems.size();
        Object agent = row.get("agent");
        if (!(agent instanceof String name) || users.find(name).filter(u -> u.roles().contains(Role.SERVICE_AGENT)).isEmpty()) {
            problems.add(new FieldProblem(prefix + "agent", "{report.agents.error.agent}"));
        }
        int[] ints = new int[INTEGERS.size()];
        for (int i = 0; i < ints.length; i++) {
            Object v = row.get(INTEGERS.get(i));
            if (v instanceof Integer x && x >= (INTEGERS.get(i).equals("callTarget") ? 1 : 0)) {
                ints[i] = x;
            } else {
                problems.add(new FieldProblem(prefix + INTEGERS.get(i), INTEGERS.get(i).equals("callTarget")
                        ? "{report.agents.error.target}" : "{report.agents.error.count}"));
            }
        }
        BigDecimal[] scores = new BigDecimal[SCORES.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(prefix + SCORES.get(i), row.get(SCORES.get(i)), problems);
        }
        if (problems.size() == before && ints[1] > ints[0]) {
            problems.add(new FieldProblem(prefix + "complaintCalls", "{report.agents.error.complaintCalls}"));
        }
        return problems.size() > before ? null : new AgentScore((String) agent, ints[0], ints[1], ints[2], scores[0],
                scores[1], ints[3], scores[2], ints[4]);
    }

    private static BigDecimal score(String field, Object v, List<FieldProblem> problems) {
        BigDecimal d = v instanceof Number n ? new BigDecimal(n.toString()) : null;
        if (d == null || d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0 || d.scale() > 2) {
            problems.add(new FieldProblem(field, "{report.agents.error.score}"));
            return null;
        }
        return d;
    }

    private static BigDecimal decimal(String field, Object v, List<FieldProblem> problems) {
        BigDecimal d = v instanceof Number n ? new BigDecimal(n.toString()) : null;
        if (d == null || d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0 || d.scale() > 2) {
            problems.add(new FieldProblem(field, "{report.agents.error.coefficient}"));
            return null;
        }
        return d;
    }
}
