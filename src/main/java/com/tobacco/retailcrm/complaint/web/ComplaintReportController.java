package com.tobacco.retailcrm.complaint.web;

import com.tobacco.retailcrm.complaint.service.ComplaintReport;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 投诉月度分析 over HTTP: {@code GET /api/v1/reports/complaints?month=2026-10[&countyCode=]} as JSON and
 * {@code GET /api/v1/reports/complaints/export} as an Excel workbook (the page's export uses the same writer).
 */
@RestController
class ComplaintReportController {

    static final String READERS = "hasAnyRole('SERVICE_AGENT', 'MARKET_DEPT', 'LEADER')";

    private final ComplaintReport report;
    private final Messages messages;
    private final Clock clock;
    private final CrmProperties crm;

    ComplaintReportController(ComplaintReport report, Messages messages, Clock clock, CrmProperties crm) {
        this.report = report;
        this.messages = messages;
        this.clock = clock;
        this.crm = crm;
    }

    @GetMapping("/api/v1/reports/complaints")
    @PreAuthorize(READERS)
    Map<String, Object> json(@RequestParam(required = false) String month,
                             @RequestParam(required = false) String countyCode) {
        return json(report.of(month(month), countyCode));
    }

    @GetMapping("/api/v1/reports/complaints/export")
    @PreAuthorize(READERS)
    void excel(@RequestParam(required = false) String month, @RequestParam(required = false) String countyCode,
               HttpServletResponse response) throws IOException {
        var f = report.of(month(month), countyCode);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String name = java.net.URLEncoder.encode("投诉月度分析-" + f.month() + ".xlsx", StandardCharsets.UTF_8);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + name);
        try (OutputStream out = response.getOutputStream()) {
            Workbook wb = new Workbook(out, "retail-crm", "1.0");
            Worksheet ws = wb.newWorksheet(messages.text("complaint.report.sheet.summary"));
            int r = 0;
            ws.value(r, 0, messages.text("complaint.report.month"));
            ws.value(r++, 1, f.month().toString());
            r = row(ws, r, "complaint.report.total", f.total());
            r = row(ws, r, "complaint.report.previousTotal", f.previousTotal());
            r = row(ws, r, "complaint.report.changeRate", f.changeRate());
            r = row(ws, r, "complaint.report.activeCustomers", f.activeCustomers());
            r = row(ws, r, "complaint.report.perThousand", f.perThousand());
            r = row(ws, r, "complaint.report.firstResponseRate", f.firstResponse().rate());
            r = row(ws, r, "complaint.report.resolutionRate", f.resolution().rate());
            r = row(ws, r, "complaint.report.satisfiedRate", f.satisfiedRate());
            row(ws, r, "complaint.report.repeats", f.repeats());
            sheet(wb, "complaint.report.byCategory", f.byCategory(), "complaint.category.");
            sheet(wb, "complaint.report.byChannel", f.byChannel(), "complaint.channel.");
            sheet(wb, "complaint.report.byDepartment", f.byDepartment(), null);
            sheet(wb, "complaint.report.satisfaction", f.satisfaction(), "complaint.satisfaction.");
            sheet(wb, "complaint.report.topCauses", f.topCauses(), null);
            wb.finish();
        }
    }

    private int row(Worksheet ws, int r, String key, Object value) {
        ws.value(r, 0, messages.text(key));
        if (value instanceof Number n) {
            ws.value(r, 1, n);
        } else if (value != null) {
            ws.value(r, 1, value.toString());
        }
        return r + 1;
    }

    private void sheet(Workbook wb, String titleKey, List<ComplaintReport.Count> counts, String labelPrefix) {
        Worksheet ws = wb.newWorksheet(messages.text(titleKey));
        ws.value(0, 0, messages.text(titleKey));
        ws.value(0, 1, messages.text("complaint.report.count"));
        int r = 1;
        for (ComplaintReport.Count c : counts) {
            ws.value(r, 0, label(c.key(), labelPrefix));
            ws.value(r++, 1, c.count());
        }
    }

    private String label(String key, String prefix) {
        if (key == null) {
            return messages.text("complaint.report.unassigned");
        }
        return prefix == null ? key : messages.text(prefix + key);
    }

    YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(clock.instant().atZone(crm.zone())).minusMonths(1);
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "{complaint.error.month}");
        }
    }

    Map<String, Object> json(ComplaintReport.Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", f.month().toString());
        m.put("countyCode", f.countyCode());
        m.put("total", f.total());
        m.put("byCategory", counts(f.byCategory(), "complaint.category.", "category"));
        m.put("byChannel", counts(f.byChannel(), "complaint.channel.", "channel"));
        m.put("byDepartment", counts(f.byDepartment(), null, "department"));
        m.put("activeCustomers", f.activeCustomers());
        m.put("perThousandActiveCustomers", f.perThousand());
        m.put("firstResponse", onTime(f.firstResponse()));
        m.put("resolution", onTime(f.resolution()));
        m.put("callbackSatisfaction", counts(f.satisfaction(), "complaint.satisfaction.", "satisfaction"));
        m.put("satisfiedRate", f.satisfiedRate());
        m.put("repeatComplaints", f.repeats());
        m.put("repeatWindowDays", report.repeatDays());
        m.put("topCauses", counts(f.topCauses(), null, "cause"));
        Map<String, Object> prev = new LinkedHashMap<>();
        prev.put("month", f.month().minusMonths(1).toString());
        prev.put("total", f.previousTotal());
        prev.put("byCategory", counts(f.previousByCategory(), "complaint.category.", "category"));
        prev.put("changeRate", f.changeRate());
        m.put("previousMonth", prev);
        return m;
    }

    private List<Map<String, Object>> counts(List<ComplaintReport.Count> counts, String prefix, String keyName) {
        return counts.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(keyName, c.key());
            m.put("name", label(c.key(), prefix));
            m.put("count", c.count());
            return m;
        }).toList();
    }

    private static Map<String, Object> onTime(ComplaintReport.OnTime t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("onTime", t.onTime());
        m.put("late", t.late());
        m.put("rate", t.rate());
        return m;
    }
}
