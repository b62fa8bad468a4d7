package com.tobacco.retailcrm.report.web;

import tools.jackson.databind.json.JsonMapper;
import com.tobacco.retailcrm.report.kpi.Dashboard;
import com.tobacco.retailcrm.report.kpi.MonthlyFigures;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 客户经理考核 page (the managers of the caller's scope, each figure linking to its list) and 领导驾驶舱 (the
 * leader's first page: the month by county, 12-month charts, complaints and satisfaction, class changes, late work).
 */
@Controller
class KpiPageController {

    private final KpiController api;
    private final Dashboard dashboard;
    private final Messages messages;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JsonMapper json;
    private final CrmProperties crm;

    KpiPageController(KpiController api, Dashboard dashboard, Messages messages, JsonMapper json, CrmProperties crm) {
        this.crm = crm;
        this.api = api;
        this.dashboard = dashboard;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/kpi/managers")
    @PreAuthorize(KpiController.MANAGER_READERS)
    String managers(@RequestParam(required = false) String month, Model model) {
        YearMonth m = month(month, model);
        model.addAttribute("month", m.toString());
        model.addAttribute("from", m.atDay(1).toString());
        model.addAttribute("to", m.atEndOfMonth().toString());
        model.addAttribute("rows", api.managerRows(m));
        return "report/kpi-managers";
    }

    @GetMapping("/kpi/managers.xlsx")
    @PreAuthorize(KpiController.MANAGER_READERS)
    void managersExcel(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        api.managers(month, "xlsx", response);
    }

    @GetMapping("/dashboard")
    @PreAuthorize(KpiController.DASHBOARD_READERS)
    String dashboard(@RequestParam(required = false) String month, Model model) {
        YearMonth m = month(month, model);
        Dashboard.View v = dashboard.of(m);
        Map<String, Object> view = api.dashboardJson(v);
        model.addAttribute("asOf", v.asOf() == null ? null : messages.text("kpi.dashboard.asOf", minute(v.asOf())));
        if (v.archiveAt() != null) {
            boolean monthEnd = v.trend().get(v.trend().size() - 1).monthEnd();
            model.addAttribute("snapshotNote", messages.text(monthEnd ? "kpi.dashboard.monthEndNote"
                    : "kpi.dashboard.lateSnapshotNote", minute(v.archiveAt())));
        }
        model.addAttribute("snapshotFigures", MonthlyFigures.SNAPSHOT_FIGURES);
        model.addAttribute("month", m.toString());
        model.addAttribute("from", m.atDay(1).toString());
        model.addAttribute("to", m.atEndOfMonth().toString());
        model.addAttribute("view", view);
        model.addAttribute("viewJson", script(view));
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        KpiController.FIGURES.forEach(f -> labels.put(f, messages.text("kpi.figure." + f)));
        labels.put("noData", messages.text("kpi.chart.noData"));
        model.addAttribute("labelsJson", script(labels));
        return "report/dashboard";
    }

    @GetMapping("/dashboard.xlsx")
    @PreAuthorize(KpiController.DASHBOARD_READERS)
    void dashboardExcel(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        api.dashboard(month, "xlsx", response);
    }

    private String minute(Instant at) {
        return MINUTE.format(at.atZone(crm.zone()));
    }

    /** JSON to embed in a script element: no {@code <} can end the element early. */
    private String script(Object value) {
        return json.writeValueAsString(value).replace("<", "\\u003c");
    }

    /** The month asked for; a bad one shows a warning and the default month instead of an error page. */
    private YearMonth month(String month, Model model) {
        try {
            return api.month(month);
        } catch (InvalidInputException e) {
            model.addAttribute("monthError", messages.text("report.error.month"));
            return api.month(null);
        }
    }
}
