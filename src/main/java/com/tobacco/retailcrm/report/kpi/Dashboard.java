package com.tobacco.retailcrm.report.kpi;

import com.tobacco.retailcrm.classification.api.AdjustmentFigures;
import com.tobacco.retailcrm.customer.api.ArchiveFigures.ManagerArchive;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.workflow.api.TaskSource;
import com.tobacco.retailcrm.workflow.api.TaskView;
import com.tobacco.retailcrm.workflow.api.Workflows;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 领导驾驶舱 — the company's month by county with the 12 months up to it, the month's 类别调整情况表 per county, and
 * late work: the open tasks past their limit that the signed-in leader oversees, per kind of case.
 */
@Service
public class Dashboard {

    public static final int TREND_MONTHS = 12;

    /** One month of the trend: the company and each county. */
    public record TrendPoint(YearMonth month, Tally company, Map<Long, Tally> counties) {
    }

    public record Adjustment(OrgUnitRef county, long changed) {
    }

    public record View(YearMonth month, Indicators.ByCounty figures, List<TrendPoint> trend,
                       List<Adjustment> adjustments, Map<String, Long> lateWork) {
    }

    private final Indicators indicators;
    private final AdjustmentFigures adjustments;
    private final Workflows workflows;
    private final List<TaskSource> sources;
    private final OrgDirectory org;

    Dashboard(Indicators indicators, AdjustmentFigures adjustments, Workflows workflows, List<TaskSource> sources,
              OrgDirectory org) {
        this.indicators = indicators;
        this.adjustments = adjustments;
        this.workflows = workflows;
        this.sources = List.copyOf(sources);
        this.org = org;
    }

    @Transactional(readOnly = true)
    public View of(YearMonth month) {
        List<ManagerArchive> archiveNow = indicators.archive(month);
        Indicators.ByCounty figures = indicators.counties(month, archiveNow);
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = TREND_MONTHS - 1; i >= 0; i--) {
            YearMonth m = month.minusMonths(i);
            Indicators.ByCounty f = i == 0 ? figures : indicators.counties(m, archiveNow);
            Map<Long, Tally> counties = new LinkedHashMap<>();
            f.counties().forEach(r -> counties.put(r.county().id(), r.tally()));
            trend.add(new TrendPoint(m, f.company(), counties));
        }
        List<Adjustment> changed = new ArrayList<>();
        adjustments.changesByCounty(month).forEach((id, n) -> org.findById(id)
                .ifPresent(u -> changed.add(new Adjustment(u, n))));
        changed.sort(java.util.Comparator.comparing(a -> a.county().code()));
        return new View(month, figures, trend, changed, lateWork());
    }

    /** Overdue open tasks the caller oversees (the engine's and every task source's), counted per case type. */
    private Map<String, Long> lateWork() {
        Map<String, TaskView> distinct = new LinkedHashMap<>();
        workflows.tasksInScope(true).forEach(t -> distinct.putIfAbsent(t.id(), t));
        sources.forEach(s -> s.tasksInScope(true).forEach(t -> distinct.putIfAbsent(t.id(), t)));
        Map<String, Long> counts = new TreeMap<>();
        distinct.values().forEach(t -> counts.merge(t.caseType(), 1L, Long::sum));
        return counts;
    }
}
