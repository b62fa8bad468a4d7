package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.report.agents.AgentScores;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.SentVersion;
import com.tobacco.retailcrm.shared.web.ApiExceptionHandler;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 话务员考核 over HTTP: the month's figures put whole or imported from a file, the coefficients, and the indices (JSON or Excel). */
@RestController
class AgentKpiController {

    private static final SentVersion VERSION = new SentVersion("version", "{report.agents.error.version}");

    static final String EDITORS = "hasAnyRole('SERVICE_HEAD', 'MARKET_DEPT')";
    static final String READERS = "hasAnyRole('SERVICE_HEAD', 'MARKET_DEPT', 'LEADER')";

    private final AgentScores scores;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ReportMonths months;
    private final Messages messages;
    private final ApiExceptionHandler problems;

    AgentKpiController(AgentScores scores, UserDirectory users, AuditLog audit, ReportMonths months,
                       Messages messages, ApiExceptionHandler problems) {
        this.messages = messages;
        this.problems = problems;
        this.scores = scores;
        this.users = users;
        this.audit = audit;
        this.months = months;
    }

    @PutMapping("/api/v1/agent-scores/{month}")
    @PreAuthorize(EDITORS)
    Map<String, Object> put(@PathVariable String month, @RequestBody(required = false) List<Map<String, Object>> rows) {
        return Map.of("month", month(month).toString(), "agents", scores.put(month(month), rows));
    }

    /**
     * The month's figures from a CSV/xlsx file, all or nothing: 200 with what was stored, or 400 problem+json whose
     * {@code errors} name each refused row, its field and the rule, with nothing stored.
     */
    @PostMapping(path = "/api/v1/agent-scores/{month}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(EDITORS)
    ResponseEntity<?> importFile(@PathVariable String month,
                                 @RequestPart(name = "file", required = false) MultipartFile file) {
        AgentScores.ImportResult r = importUpload(month, file);
        if (r.errors().isEmpty()) {
            return ResponseEntity.ok(importJson(month(month), r));
        }
        ResponseEntity<ProblemDetail> problem = problems.problem(HttpStatus.BAD_REQUEST,
                messages.text("report.agents.import.refused", r.errors().size()), null);
        problem.getBody().setProperty("errors", rowErrors(r));
        return problem;
    }

    AgentScores.ImportResult importUpload(String month, MultipartFile file) {
        YearMonth m = month(month);
        return Uploads.spooled(file, "agent-scores-", "{report.agents.error.file}",
                (path, name) -> scores.importFile(m, path, name));
    }

    Map<String, Object> importJson(YearMonth month, AgentScores.ImportResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", month.toString());
        m.put("total", r.total());
        m.put("stored", r.stored());
        m.put("errors", rowErrors(r));
        return m;
    }

    private List<Map<String, Object>> rowErrors(AgentScores.ImportResult r) {
        return r.errors().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", e.row());
            m.put("field", e.field());
            m.put("message", messages.text(e.message()));
            return m;
        }).toList();
    }
    @GetMapping("/api/v1/settings/agent-kpi")
    @PreAuthorize(READERS)
    Map<String, Object> settings() {
        return settingsJson(scores.settings());
    }

    record SettingsBody(Object complaintCoefficient, Object attendanceCoefficient, Long version) {
    }

    @PutMapping("/api/v1/settings/agent-kpi")
    @PreAuthorize(EDITORS)
    Map<String, Object> updateSettings(@RequestBody(required = false) SettingsBody b,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        SettingsBody body = b == null ? new SettingsBody(null, null, null) : b;
        Long version = VERSION.of(body.version(), ifMatch);
        return settingsJson(scores.updateSettings(body.complaintCoefficient(), body.attendanceCoefficient(), version));
    }

    @GetMapping("/api/v1/kpi/agents")
    @PreAuthorize(READERS)
    Object agents(@RequestParam(required = false) String month, @RequestParam(required = false) String format,
                  HttpServletResponse response) throws IOException {
        YearMonth m = month(month);
        List<Map<String, Object>> rows = rows(m);
        if ("xlsx".equalsIgnoreCase(format)) {
            excel(m, rows, response);
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("month", m.toString());
        result.put("settings", settings());
        result.put("items", rows);
        return result;
    }

    List<Map<String, Object>> rows(YearMonth month) {
        return scores.of(month).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            var s = r.score();
            m.put("agent", s.agent());
            m.put("agentName", users.find(s.agent()).map(UserRef::displayName).orElse(s.agent()));
            m.put("calls", s.calls());
            m.put("complaintCalls", s.complaintCalls());
            m.put("callTarget", s.callTarget());
            m.put("monitoringScore", s.monitoringScore());
            m.put("testCallScore", s.testCallScore());
            m.put("complaints", s.complaints());
            m.put("trainingScore", s.trainingScore());
            m.put("absences", s.absences());
            m.put("callVolumeIndex", r.indices().callVolume().toPlainString());
            m.put("serviceQualityIndex", r.indices().serviceQuality().toPlainString());
            m.put("trainingIndex", r.indices().training().toPlainString());
            return m;
        }).toList();
    }

    private void excel(YearMonth month, List<Map<String, Object>> rows, HttpServletResponse response) throws IOException {
        audit.record(AuditEntry.of("AGENT_KPI_EXPORT", "AGENT_SCORES", month.toString()));
        List<String> keys = List.of("agentName", "calls", "complaintCalls", "callTarget", "monitoringScore",
                "testCallScore", "complaints", "trainingScore", "absences", "callVolumeIndex", "serviceQualityIndex",
                "trainingIndex");
        List<String> headers = List.of("话务员", "话务量", "投诉电话", "月话务目标", "监听得分", "测试电话得分", "被投诉次数",
                "培训平均分", "缺勤次数", "话务量指数", "服务质量指数", "培训指数");
        ExcelDownload.send(response, "话务员考核-" + month + ".xlsx", List.of(new ExcelDownload.Sheet("话务员考核 " + month,
                headers, rows.stream().map(r -> keys.stream().map(r::get).toList()).toList())));
    }

    private static Map<String, Object> settingsJson(AgentScores.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("complaintCoefficient", s.complaintCoefficient());
        m.put("attendanceCoefficient", s.attendanceCoefficient());
        m.put("version", s.version());
        return m;
    }

    YearMonth month(String month) {
        return months.parse(month);
    }
}
