package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.report.agents.AgentScores;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 话务员考核 over HTTP: the month's figures put whole, the coefficients, and the indices (JSON or Excel). */
@RestController
class AgentKpiController {

    static final String EDITORS = "hasAnyRole('SERVICE_HEAD', 'MARKET_DEPT')";
    static final String READERS = "hasAnyRole('SERVICE_HEAD', 'MARKET_DEPT', 'LEADER')";

    private final AgentScores scores;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ReportMonths months;

    AgentKpiController(AgentScores scores, UserDirectory users, AuditLog audit, ReportMonths months) {
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
        Long version = body.version() != null ? body.version() : ifMatch == null ? null : parseVersion(ifMatch);
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

    private static Long parseVersion(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "{report.agents.error.version}");
        }
    }

    YearMonth month(String month) {
        return months.parse(month);
    }
}
