package com.tobacco.retailcrm.report.agents;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.UploadedSheets;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final UploadedSheets sheets;

    AgentScores(JdbcTemplate jdbc, UserDirectory users, AuditLog audit, Clock clock, UploadedSheets sheets) {
        this.jdbc = jdbc;
        this.users = users;
        this.sheets = sheets;
        this.audit = audit;
        this.clock = clock;
    }

    /** A file's outcome: data rows read, agents stored (0 when any row was refused) and each refused row's problems. */
    public record ImportResult(int total, int stored, List<RowError> errors) {
    }

    /** A problem of one row of a file: its number as a spreadsheet program shows it (the header is row 1). */
    public record RowError(int row, String field, String message) {
    }

    /** The columns of an import file after its header row, in this order (the API's names). */
    static final List<String> COLUMNS = List.of("agent", "calls", "complaintCalls", "callTarget", "monitoringScore",
            "testCallScore", "complaints", "trainingScore", "absences");

    private static final int MAX_AGENTS = 2_000;

    @Transactional
    public int put(YearMonth month, List<Map<String, Object>> rows) {
        if (rows == null || rows.size() > MAX_AGENTS) {
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
        store(month, scores);
        audit.record(AuditEntry.of("AGENT_SCORES_PUT", "AGENT_SCORES", month.toString()).detail(scores.size() + " agents"));
        return scores.size();
    }

    /**
     * A month's figures from a CSV/xlsx file ({@link #COLUMNS} after a header row), all or nothing: the month's list is
     * replaced as a whole, so a file with any refused row stores nothing (a half file would drop the missing agents'
     * month) and every refused row is reported with its row number and field.
     */
    @Transactional
    public ImportResult importFile(YearMonth month, Path file, String fileName) {
        List<RowError> errors = new ArrayList<>();
        List<AgentScore> scores = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] total = {0};
        sheets.read(file, row -> {
            if (row.number() == 1 || row.isBlank() || ++total[0] > MAX_AGENTS) {
                return;
            }
            List<FieldProblem> problems = new ArrayList<>();
            AgentScore s = parse("", cells(row.cells()), problems);
            problems.forEach(p -> errors.add(new RowError(row.number(), p.field(), p.message())));
            if (s != null && !seen.add(s.agent())) {
                errors.add(new RowError(row.number(), "agent", "{report.agents.error.repeated}"));
            } else if (s != null) {
                scores.add(s);
            }
        });
        if (total[0] == 0 || total[0] > MAX_AGENTS) {
            throw new InvalidInputException("file", "{report.agents.error.fileRows}");
        }
        if (!errors.isEmpty()) {
            audit.record(AuditEntry.of("AGENT_SCORES_IMPORT_REFUSED", "AGENT_SCORES", month.toString())
                    .detail(fileName + ": " + errors.size() + " problems, nothing stored"));
            return new ImportResult(total[0], 0, errors);
        }
        store(month, scores);
        audit.record(AuditEntry.of("AGENT_SCORES_IMPORT", "AGENT_SCORES", month.toString())
                .detail(fileName + ": " + scores.size() + " agents"));
        return new ImportResult(total[0], scores.size(), List.of());
    }

    /** A file's row as the API's body would hold it: whole numbers as Integer, decimals as BigDecimal, the rest as text. */
    private static Map<String, Object> cells(List<String> cells) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            String text = i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : null;
            row.put(COLUMNS.get(i), i == 0 ? text : number(text));
        }
        return row;
    }

    private static Object number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(text);
            BigDecimal whole = d.stripTrailingZeros();
            // a spreadsheet may store 12 as 12.0: a whole number is an Integer, as the JSON 12 would be
            return whole.scale() <= 0 && whole.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    ? Integer.valueOf(whole.intValueExact()) : d;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Replaces the month's list with these agents' figures. */
    private void store(YearMonth month, List<AgentScore> scores) {
        jdbc.update("delete from agent_score where month = ?", month.toString());
        String who = CurrentUsers.require().username();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into agent_score (month, agent, calls, complaint_calls, call_target, monitoring_score,
                                         test_call_score, complaints, training_score, absences, entered_by, entered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", scores.stream().map(s -> new Object[] {month.toString(),
                s.agent(), s.calls(), s.complaintCalls(), s.callTarget(), s.monitoringScore(), s.testCallScore(),
                s.complaints(), s.trainingScore(), s.absences(), who, now}).toList());
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
