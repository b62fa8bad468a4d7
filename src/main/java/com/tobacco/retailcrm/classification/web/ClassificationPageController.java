package com.tobacco.retailcrm.classification.web;

import com.tobacco.retailcrm.shared.api.Texts;
import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.classification.service.Adjustments;
import com.tobacco.retailcrm.classification.service.ClassificationRuns;
import com.tobacco.retailcrm.classification.persistence.RunStore;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * 客户分类 pages: runs (start one, per-format summary, distribution charts, results with filter and Excel download,
 * the changed list, apply with confirmation) and the monthly 零售客户类别调整情况表.
 */
@Controller
class ClassificationPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClassificationRuns runs;
    private final RunStore store;
    private final RunViews views;
    private final ClassificationPages pages;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;

    ClassificationPageController(ClassificationRuns runs, RunStore store, RunViews views, ClassificationPages pages,
                                 Messages messages, Clock clock,
                                 com.tobacco.retailcrm.shared.infrastructure.CrmProperties properties) {
        this.runs = runs;
        this.store = store;
        this.views = views;
        this.pages = pages;
        this.messages = messages;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @GetMapping("/classification")
    @PreAuthorize(RunController.READERS)
    String runs(Model model) {
        model.addAttribute("runs", store.recent(30).stream().map(views::run).toList());
        model.addAttribute("canRun", canRun());
        model.addAttribute("defaultPeriod", YearMonth.from(clock.instant().atZone(zone)).minusMonths(1).toString());
        return "classification/runs";
    }

    @PostMapping("/classification/runs")
    @PreAuthorize(Roles.MARKET_DEPT)
    String start(@RequestParam(required = false) String period, RedirectAttributes redirect) {
        try {
            RunStore.Run run = runs.start(period);
            redirect.addFlashAttribute("flashSuccess", messages.text("classification.page.started", run.period(),
                    run.changed()));
            return "redirect:/classification/runs/" + run.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.problems().get(0).message()));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage(), e.args()));
        }
        return "redirect:/classification";
    }

    @GetMapping("/classification/runs/{id}")
    @PreAuthorize(RunController.READERS)
    String run(@PathVariable long id, @RequestParam(required = false) String retailFormat,
               @RequestParam(required = false) String businessScale, @RequestParam(required = false) Boolean changed,
               @RequestParam(required = false) Integer page, Model model) {
        RunViews.RunView run = views.run(runs.find(id));
        var filter = new RunStore.ResultFilter(Texts.blankToNull(retailFormat), changed,
                Texts.blankToNull(businessScale));
        PageQuery q = PageQuery.of(page, 50, null, Set.of(), null);
        var items = store.results(id, filter, q.offset(), q.size()).stream().map(RunViews::result).toList();
        model.addAttribute("run", run);
        model.addAttribute("results", new PageResponse<>(items, store.count(id, filter), q.page(), q.size()));
        model.addAttribute("formatNames", pages.formatNames());
        model.addAttribute("chart", chart(id, run));
        model.addAttribute("canRun", canRun());
        model.addAttribute("filterQuery", query(retailFormat, businessScale, changed));
        return "classification/run";
    }

    private static boolean canRun() {
        return com.tobacco.retailcrm.security.api.CurrentUsers.current()
                .map(u -> u.has(com.tobacco.retailcrm.security.api.Role.MARKET_DEPT)).orElse(false);
    }

    /** The distribution chart's data as JSON for the page script: scales per format, customers per tier. */
    private String chart(long id, RunViews.RunView run) {
        Map<String, String> names = pages.formatNames();
        List<String> formats = run.formats().stream().filter(RunViews.FormatView::classified)
                .map(RunViews.FormatView::retailFormat).toList();
        Map<String, long[]> scales = new LinkedHashMap<>();
        for (String s : List.of("1", "2", "3")) {
            scales.put(s, new long[formats.size()]);
        }
        long[] tiers = new long[run.tierCount()];
        for (RunStore.Distribution d : store.distribution(id)) {
            int f = formats.indexOf(d.retailFormat());
            if (d.businessScale() != null && f >= 0) {
                scales.get(d.businessScale())[f] = d.customers();
            } else if (d.tier() != null && d.tier() >= 1 && d.tier() <= tiers.length) {
                tiers[d.tier() - 1] += d.customers();
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("formats", formats.stream().map(f -> names.getOrDefault(f, f)).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        scales.forEach((s, counts) -> series.add(Map.of("name", pages.scaleName(s), "data", counts)));
        chart.put("scales", series);
        chart.put("tierLabel", messages.text("classification.page.tier"));
        chart.put("customersLabel", messages.text("classification.page.customers"));
        chart.put("tiers", tiers);
        return JSON.writeValueAsString(chart);
    }

    private static String query(String retailFormat, String businessScale, Boolean changed) {
        StringBuilder q = new StringBuilder();
        if (retailFormat != null && !retailFormat.isBlank()) {
            q.append("&retailFormat=").append(java.net.URLEncoder.encode(retailFormat, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (businessScale != null && !businessScale.isBlank()) {
            q.append("&businessScale=").append(java.net.URLEncoder.encode(businessScale, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (Boolean.TRUE.equals(changed)) {
            q.append("&changed=true");
        }
        return q.isEmpty() ? "" : q.substring(1);
    }

    @PostMapping("/classification/runs/{id}/apply")
    @PreAuthorize(Roles.MARKET_DEPT)
    String apply(@PathVariable long id, RedirectAttributes redirect) {
        try {
            var applied = runs.apply(id);
            redirect.addFlashAttribute("flashSuccess", messages.text("classification.page.applied", id,
                    applied.customersWritten()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage(), e.args()));
        }
        return "redirect:/classification/runs/" + id;
    }

    @GetMapping("/classification/runs/{id}/results.xlsx")
    @PreAuthorize(RunController.READERS)
    void download(@PathVariable long id, @RequestParam(required = false) String retailFormat,
                  @RequestParam(required = false) String businessScale, @RequestParam(required = false) Boolean changed,
                  HttpServletResponse response) {
        RunStore.Run run = runs.find(id);
        var filter = new RunStore.ResultFilter(Texts.blankToNull(retailFormat), changed,
                Texts.blankToNull(businessScale));
        Map<String, String> formats = pages.formatNames();
        Map<Long, String> counties = pages.countyNames();
        List<String> headers = List.of("classification.xlsx.customerCode", "classification.xlsx.storeName",
                "classification.xlsx.county", "classification.xlsx.format", "classification.xlsx.qty",
                "classification.xlsx.amount", "classification.xlsx.score", "classification.xlsx.rank",
                "classification.xlsx.scale", "classification.xlsx.class", "classification.xlsx.tier",
                "classification.xlsx.previousClass").stream().map(messages::text).toList();
        String name = messages.text("classification.xlsx.resultsFile", run.period(), id) + ".xlsx";
        try (var xlsx = new XlsxDownload(response, name, run.period(), headers)) {
            store.forEachResult(id, filter, r -> xlsx.row(r.customerCode(), r.storeName(),
                    counties.get(r.countyOrgUnitId()), formats.getOrDefault(r.retailFormat(), r.retailFormat()),
                    r.qty(), r.amount(), r.score(), r.rank(), pages.scaleName(r.businessScale()), r.customerClass(),
                    r.tier(), r.previousClass()));
        }
    }

    @GetMapping("/classification/adjustments")
    @PreAuthorize(RunController.REPORT_READERS)
    String adjustments(@RequestParam(required = false) String month, @RequestParam(required = false) String countyCode,
                       @RequestParam(required = false) Integer page, Model model) {
        YearMonth m = month == null || month.isBlank() ? YearMonth.from(clock.instant().atZone(zone)).minusMonths(1)
                : Adjustments.month(month);
        Long county = pages.reportCountyId(countyCode).orElse(null);
        PageQuery q = PageQuery.of(page, 50, null, Set.of(), null);
        model.addAttribute("month", m.toString());
        model.addAttribute("countyCode", countyCode == null ? "" : countyCode);
        model.addAttribute("counties", pages.counties());
        model.addAttribute("lines", new PageResponse<>(pages.adjustments(m, county, q.offset(), q.size()),
                pages.countAdjustments(m, county), q.page(), q.size()));
        return "classification/adjustments";
    }

    /** The page's download, also for API clients (token) under the API path. */
    @GetMapping({"/classification/adjustments.xlsx", "/api/v1/classification-adjustments/export"})
    @PreAuthorize(RunController.REPORT_READERS)
    void adjustmentsDownload(@RequestParam String month, @RequestParam(required = false) String countyCode,
                             HttpServletResponse response) {
        YearMonth m = Adjustments.month(month);
        Long county = pages.reportCountyId(countyCode).orElse(null);
        List<String> headers = List.of("classification.xlsx.county", "classification.xlsx.customerCode",
                "classification.xlsx.storeName", "classification.xlsx.fromClass", "classification.xlsx.toClass",
                "classification.xlsx.reason", "classification.xlsx.run").stream().map(messages::text).toList();
        String name = messages.text("classification.xlsx.reportFile", m.toString()) + ".xlsx";
        try (var xlsx = new XlsxDownload(response, name, m.toString(), headers)) {
            int chunk = 5000;
            for (long offset = 0; ; offset += chunk) {
                var lines = pages.adjustments(m, county, offset, chunk);
                lines.forEach(l -> xlsx.row(l.countyName(), l.customerCode(), l.storeName(), l.fromClass(),
                        l.toClass(), l.reason(), "#" + l.runId() + " " + l.period()));
                if (lines.size() < chunk) {
                    break;
                }
            }
        }
    }
}
