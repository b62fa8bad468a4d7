package com.tobacco.retailcrm.survey.web;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.survey.service.Campaigns;
import com.tobacco.retailcrm.survey.service.Questionnaires;
import com.tobacco.retailcrm.survey.service.SurveyLabels;
import com.tobacco.retailcrm.survey.service.SurveyResults;
import com.tobacco.retailcrm.survey.service.SurveyResults.By;
import com.tobacco.retailcrm.survey.domain.Question;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 测评结果 over HTTP: {@code GET /api/v1/survey-campaigns/{id}/results?by=…[&compareTo=][&format=xlsx]} — the index
 * per group with names, the response per stratum, option shares and text answers; as JSON or an Excel workbook.
 */
@RestController
class SurveyResultsController {

    static final String READERS = "hasAnyRole('MARKET_DEPT', 'SERVICE_HEAD', 'LEADER')";

    private final SurveyResults results;
    private final Campaigns campaigns;
    private final Questionnaires questionnaires;
    private final SurveyLabels labels;
    private final AuditLog audit;

    SurveyResultsController(SurveyResults results, Campaigns campaigns, Questionnaires questionnaires,
                            SurveyLabels labels, AuditLog audit) {
        this.results = results;
        this.campaigns = campaigns;
        this.questionnaires = questionnaires;
        this.labels = labels;
        this.audit = audit;
    }

    @GetMapping("/api/v1/survey-campaigns/{id}/results")
    @PreAuthorize(READERS)
    Object results(@PathVariable long id, @RequestParam(required = false, defaultValue = "question") String by,
                   @RequestParam(required = false) Long compareTo, @RequestParam(required = false) String format,
                   HttpServletResponse response) throws IOException {
        Map<String, Object> report = report(id, By.parse(by), compareTo);
        if ("xlsx".equalsIgnoreCase(format)) {
            excel(id, report, response);
            return null;
        }
        return report;
    }

    Map<String, Object> report(long id, By by, Long compareTo) {
        Campaigns.Campaign c = campaigns.get(id);
        Map<String, Question> questions = questionnaires.get(c.questionnaireId(), c.questionnaireVersion()).questions()
                .stream().collect(Collectors.toMap(Question::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaignId", id);
        m.put("name", c.name());
        m.put("by", by.name().toLowerCase());
        m.put("compareTo", compareTo);
        m.put("index", text(results.overall(id)));
        m.put("groups", results.groups(id, by, compareTo).stream().map(g -> {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("key", g.key());
            gm.put("name", name(by, g.key(), questions, c.strata()));
            gm.put("answers", g.answers());
            gm.put("index", text(g.index()));
            if (compareTo != null) {
                gm.put("previous", text(g.previous()));
                gm.put("change", text(g.change()));
            }
            return gm;
        }).toList());
        m.put("response", results.response(id).stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("stratum", r.stratum());
            rm.put("name", r.stratum() == null ? "合计" : labels.stratum(r.stratum(), c.strata()));
            rm.put("sampled", r.sampled());
            rm.put("answered", r.answered());
            rm.put("refused", r.refused());
            rm.put("unreachable", r.unreachable());
            rm.put("pending", r.pending());
            rm.put("responseRate", text(r.responseRate()));
            return rm;
        }).toList());
        m.put("options", results.options(id).stream().map(o -> {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("question", o.question());
            om.put("questionText", questions.containsKey(o.question()) ? questions.get(o.question()).text() : o.question());
            om.put("option", o.option());
            om.put("count", o.count());
            om.put("share", text(o.share()));
            return om;
        }).toList());
        m.put("texts", results.texts(id, 500).stream().map(t -> {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("question", t.question());
            tm.put("text", t.text());
            tm.put("stratum", labels.stratum(t.stratum(), c.strata()));
            return tm;
        }).toList());
        return m;
    }

    private String name(By by, String key, Map<String, Question> questions, List<String> strata) {
        return switch (by) {
            case QUESTION -> questions.containsKey(key) ? questions.get(key).text() : key;
            case DIMENSION -> key;
            case COUNTY -> labels.county(Long.parseLong(key));
            case MANAGER -> "-".equals(key) ? "（未分配）" : labels.person(key);
            case STRATUM -> labels.stratum(key, strata);
        };
    }

    @SuppressWarnings("unchecked")
    private void excel(long id, Map<String, Object> report, HttpServletResponse response) throws IOException {
        audit.record(AuditEntry.of("SURVEY_RESULTS_EXPORT", "SURVEY_CAMPAIGN", String.valueOf(id)));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String file = URLEncoder.encode("测评结果-" + report.get("name") + ".xlsx", StandardCharsets.UTF_8);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + file);
        try (OutputStream out = response.getOutputStream()) {
            Workbook wb = new Workbook(out, "retail-crm", "1.0");
            sheet(wb, "满意度指数", (List<Map<String, Object>>) report.get("groups"),
                    List.of("name", "answers", "index", "previous", "change"), List.of("分组", "作答户数", "满意度指数", "上期指数", "变化"));
            sheet(wb, "回收情况", (List<Map<String, Object>>) report.get("response"),
                    List.of("name", "sampled", "answered", "refused", "unreachable", "pending", "responseRate"),
                    List.of("分层", "样本", "已答", "拒访", "未接通", "待访", "回收率"));
            sheet(wb, "选项占比", (List<Map<String, Object>>) report.get("options"),
                    List.of("questionText", "option", "count", "share"), List.of("题目", "选项", "人数", "占比"));
            sheet(wb, "文字意见", (List<Map<String, Object>>) report.get("texts"),
                    List.of("question", "stratum", "text"), List.of("题目", "分层", "意见"));
            wb.finish();
        }
    }

    private static void sheet(Workbook wb, String title, List<Map<String, Object>> rows, List<String> keys,
                              List<String> headers) {
        Worksheet ws = wb.newWorksheet(title);
        for (int i = 0; i < headers.size(); i++) {
            ws.value(0, i, headers.get(i));
        }
        int r = 1;
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < keys.size(); i++) {
                Object v = row.get(keys.get(i));
                if (v instanceof Number n) {
                    ws.value(r, i, n);
                } else if (v != null) {
                    ws.value(r, i, v.toString());
                }
            }
            r++;
        }
    }

    private static String text(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
