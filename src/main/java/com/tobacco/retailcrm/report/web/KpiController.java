package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.report.kpi.Dashboard;
import com.tobacco.retailcrm.report.kpi.Indicators;
import com.tobacco.retailcrm.report.kpi.MonthlyFigures;
import com.tobacco.retailcrm.report.kpi.Tally;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.ApiExceptionHandler;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 客户经理考核 and 领导驾驶舱 over HTTP (JSON, or Excel with {@code format=xlsx}): the managers of the caller's data
 * scope (a market manager's team, a county head's county, the company for departments and leaders), and the company's
 * month by county with its 12-month trend for leaders and company-wide departments, read from the monthly snapshot:
 * {@code asOf} says when the month was computed, {@code archiveAsOf} when its {@code snapshotFigures} (the archive's
 * customers, completeness and overdue new customers, month-end values rather than counts over the month) were taken.
 */
@RestController
class KpiController {

    static final String MANAGER_READERS = "hasAnyRole('MARKET_MANAGER', 'COUNTY_HEAD', 'MARKET_DEPT', 'LEADER', "
            + "'SERVICE_HEAD', 'MARKETING_DEPUTY')";
    static final String DASHBOARD_READERS = "hasAnyRole('LEADER', 'MARKET_DEPT', 'SERVICE_HEAD', 'MARKETING_DEPUTY')";

    /** The figures in the API's order, each with its message key {@code kpi.figure.<name>}. */
    static final List<String> FIGURES = List.of("customers", "completeness", "overdueNew", "changesOnTime",
            "visitCoverage", "complaints", "complaintRate", "onTimeResolution", "callbackSatisfaction", "surveyIndex",
            "orderSuccessRate", "electronicSettlementRate");

    private final Indicators indicators;
    private final Dashboard dashboard;
    private final UserDirectory users;
    private final ReportMonths months;
    private final AuditLog audit;
    private final Messages messages;
    private final ApiExceptionHandler problems;
    private final CrmProperties crm;

    KpiController(Indicators indicators, Dashboard dashboard, UserDirectory users, ReportMonths months, AuditLog audit,
                  Messages messages, ApiExceptionHandler problems, CrmProperties crm) {
        this.crm = crm;
        this.indicators = indicators;
        this.dashboard = dashboard;
        this.users = users;
        this.months = months;
        this.audit = audit;
        this.messages = messages;
        this.problems = problems;
    }

    /** A reader without the role (an administrator, a customer manager) is refused as everywhere, and it is audited. */
    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        audit.record(AuditEntry.of("KPI_ACCESS", "KPI", request.getRequestURI()).outcome(AuditOutcome.DENIED));
        return problems.problem(HttpStatus.FORBIDDEN, messages.text("error.forbidden"), null);
    }

    @GetMapping("/api/v1/kpi/managers")
    @PreAuthorize(MANAGER_READERS)
    Map<String, Object> managers(@RequestParam(required = false) String month,
                                 @RequestParam(required = false) String format, HttpServletResponse response)
            throws IOException {
        YearMonth m = months.parse(month);
        List<Map<String, Object>> items = managerRows(m);
        if ("xlsx".equalsIgnoreCase(format)) {
            audit.record(AuditEntry.of("KPI_MANAGERS_EXPORT", "KPI_MANAGERS", m.toString()));
            List<String> headers = new ArrayList<>(List.of(text("kpi.manager"), text("kpi.county")));
            FIGURES.forEach(f -> headers.add(text("kpi.figure." + f)));
            ExcelDownload.send(response, text("kpi.managers.title") + "-" + m + ".xlsx", List.of(
                    new ExcelDownload.Sheet(text("kpi.managers.title") + " " + m, headers, items.stream()
                            .map(i -> row(i, "managerName", "countyName")).toList())));
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("month", m.toString());
        result.put("items", items);
        return result;
    }

    List<Map<String, Object>> managerRows(YearMonth month) {
        return indicators.managers(month, users.scopeOf(CurrentUsers.require())).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("manager", r.manager());
            m.put("managerName", r.managerName());
            m.put("countyCode", r.county() == null ? null : r.county().code());
            m.put("countyName", r.county() == null ? null : r.county().name());
            m.putAll(r.tally().figures());
            return m;
        }).toList();
    }

    @GetMapping("/api/v1/dashboard")
    @PreAuthorize(DASHBOARD_READERS)
    Map<String, Object> dashboard(@RequestParam(required = false) String month,
                                  @RequestParam(required = false) String format, HttpServletResponse response)
            throws IOException {
        YearMonth m = months.parse(month);
        Map<String, Object> view = dashboardJson(dashboard.of(m));
        if ("xlsx".equalsIgnoreCase(format)) {
            audit.record(AuditEntry.of("DASHBOARD_EXPORT", "DASHBOARD", m.toString()));
            ExcelDownload.send(response, text("kpi.dashboard.title") + "-" + m + ".xlsx", dashboardSheets(view));
            return null;
        }
        return view;
    }

    Map<String, Object> dashboardJson(Dashboard.View v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", v.month().toString());
        m.put("asOf", time(v.asOf()));
        m.put("archiveAsOf", time(v.archiveAt()));
        m.put("snapshotFigures", MonthlyFigures.SNAPSHOT_FIGURES);
        m.put("company", v.figures().company().figures());
        m.put("counties", v.figures().counties().stream().map(r -> county(r.county(), r.tally().figures())).toList());
        Map<Long, OrgUnitRef> known = new LinkedHashMap<>();
        v.figures().counties().forEach(r -> known.put(r.county().id(), r.county()));
        m.put("trends", v.trend().stream().map(p -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("month", p.month().toString());
            point.put("computed", p.computed());
            point.put("company", p.company().trendFigures(p.monthEnd()));
            List<Map<String, Object>> counties = new ArrayList<>();
            p.counties().forEach((id, t) -> {
                if (known.containsKey(id)) {
                    counties.add(county(known.get(id), t.trendFigures(p.monthEnd())));
                }
            });
            point.put("counties", counties);
            return point;
        }).toList());
        m.put("adjustments", v.adjustments().stream().map(a -> {
            Map<String, Object> row = county(a.county(), Map.of());
            row.put("changed", a.changed());
            return row;
        }).toList());
        m.put("adjustmentsTotal", v.adjustments().stream().mapToLong(Dashboard.Adjustment::changed).sum());
        m.put("lateWork", v.lateWork().entrySet().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("caseType", e.getKey());
            row.put("caseTypeName", text("workflow.caseType." + e.getKey()));
            row.put("overdue", e.getValue());
            return row;
        }).toList());
        m.put("lateWorkTotal", v.lateWork().values().stream().mapToLong(Long::longValue).sum());
        return m;
    }

    private OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(crm.zone()).toOffsetDateTime();
    }

    private static Map<String, Object> county(OrgUnitRef county, Map<String, Object> figures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("countyCode", county.code());
        m.put("countyName", county.name());
        m.putAll(figures);
        return m;
    }

    @SuppressWarnings("unchecked")
    private List<ExcelDownload.Sheet> dashboardSheets(Map<String, Object> view) {
        List<String> countyHeaders = new ArrayList<>(List.of(text("kpi.county")));
        FIGURES.forEach(f -> countyHeaders.add(text("kpi.figure." + f)));
        List<List<Object>> countyRows = new ArrayList<>();
        ((List<Map<String, Object>>) view.get("counties")).forEach(c -> countyRows.add(row(c, "countyName")));
        Map<String, Object> company = new LinkedHashMap<>((Map<String, Object>) view.get("company"));
        company.put("countyName", text("kpi.company"));
        countyRows.add(row(company, "countyName"));
        List<String> trendHeaders = new ArrayList<>(List.of(text("kpi.month")));
        FIGURES.forEach(f -> trendHeaders.add(text("kpi.figure." + f)));
        List<List<Object>> trendRows = new ArrayList<>();
        ((List<Map<String, Object>>) view.get("trends")).forEach(p -> {
            List<Object> r = new ArrayList<>(List.of(p.get("month")));
            Map<String, Object> f = (Map<String, Object>) p.get("company");
            FIGURES.forEach(k -> r.add(f.get(k)));
            trendRows.add(r);
        });
        List<List<Object>> adjustmentRows = ((List<Map<String, Object>>) view.get("adjustments")).stream()
                .map(a -> List.<Object>of(a.get("countyName"), a.get("changed"))).toList();
        List<List<Object>> lateRows = ((List<Map<String, Object>>) view.get("lateWork")).stream()
                .map(l -> List.<Object>of(l.get("caseTypeName"), l.get("overdue"))).toList();
        return List.of(new ExcelDownload.Sheet(text("kpi.dashboard.byCounty"), countyHeaders, countyRows),
                new ExcelDownload.Sheet(text("kpi.dashboard.trend"), trendHeaders, trendRows),
                new ExcelDownload.Sheet(text("kpi.dashboard.adjustments"), List.of(text("kpi.county"),
                        text("kpi.dashboard.changed")), adjustmentRows),
                new ExcelDownload.Sheet(text("kpi.dashboard.lateWork"), List.of(text("kpi.dashboard.caseType"),
                        text("kpi.dashboard.overdue")), lateRows));
    }

    /** The named text columns, then the figures in the API's order. */
    private static List<Object> row(Map<String, Object> item, String... names) {
        List<Object> r = new ArrayList<>();
        for (String n : names) {
            r.add(item.get(n));
        }
        FIGURES.forEach(f -> r.add(item.get(f)));
        return r;
    }

    private String text(String key) {
        return messages.text(key);
    }

    YearMonth month(String month) {
        return months.parse(month);
    }
}
