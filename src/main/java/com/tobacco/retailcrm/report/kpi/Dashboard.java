package com.tobacco.retailcrm.report.kpi;

import com.tobacco.retailcrm.classification.api.AdjustmentFigures;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.workflow.api.TaskSource;
import com.tobacco.retailcrm.workflow.api.TaskView;
import com.tobacco.retailcrm.workflow.api.Workflows;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Instant;
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
 * late work: the open tasks past their limit that the signed-in leader oversees, per kind of case. The figures are read
 * from the monthly snapshot ({@link MonthlyFigures}) only; a month not yet computed is asked for and shows as empty
 * until the next refresh.
 */
@Service
public class Dashboard {

    public static final int TREND_MONTHS = 12;

    /**
     * One month of the trend: the company and each county; {@code monthEnd} when its archive figures were taken
     * before the month ended (a month-end snapshot), {@code computed} when the month has been computed at all.
     */
    public record TrendPoint(YearMonth month, Tally company, Map<Long, Tally> counties, boolean monthEnd,
                             boolean computed) {
    }

    public record Adjustment(OrgUnitRef county, long changed) {
    }

    /** {@code asOf}: when the month's figures were computed; {@code archiveAt}: when its archive figures were taken. */
    public record View(YearMonth month, Indicators.ByCounty figures, List<TrendPoint> trend,
                       List<Adjustment> adjustments, Map<String, Long> lateWork, Instant asOf, Instant archiveAt) {
    }

    private final Indicators indicators;
    private final AdjustmentFigures adjustments;
    private final Workflows workflows;
    private final List<TaskSource> sources;
    private final OrgDirectory org;
    private final MonthlyFigures snapshots;
    private final CrmProperties crm;

    Dashboard(Indicators indicators, AdjustmentFigures adjustments, Workflows workflows, List<TaskSource> sources,
              OrgDirectory org, MonthlyFigures snapshots, CrmProperties crm) {
        this.snapshots = snapshots;
        this.crm = crm;
        this.indicators = indicators;
        this.adjustments = adjustments;
        this.workflows = workflows;
        this.sources = List.copyOf(sources);
        this.org = org;
    }

    @Transactional(readOnly = true)
    public View of(YearMonth month) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = TREND_MONTHS - 1; i >= 0; i--) {
            months.add(month.minusMonths(i));
        }
        List<MonthlyFigures.Month> stored = snapshots.read(months);
        List<YearMonth> missing = stored.stream().filter(s -> s.computedAt() == null).map(MonthlyFigures.Month::month)
                .toList();
        if (!missing.isEmpty()) {
            snapshots.request(missing);
        }
        List<TrendPoint> trend = new ArrayList<>();
        Indicators.ByCounty figures = null;
        for (MonthlyFigures.Month s : stored) {
            Indicators.ByCounty f = indicators.counties(s.groups());
            Map<Long, Tally> counties = new LinkedHashMap<>();
            f.counties().forEach(r -> counties.put(r.county().id(), r.tally()));
            trend.add(new TrendPoint(s.month(), f.company(), counties, s.archiveOfTheMonth(crm.zone()),
                    s.computedAt() != null));
            figures = f;
        }
        MonthlyFigures.Month selected = stored.get(stored.size() - 1);
        List<Adjustment> changed = new ArrayList<>();
        adjustments.changesByCounty(month).forEach((id, n) -> org.findById(id)
                .ifPresent(u -> changed.add(new Adjustment(u, n))));
        changed.sort(java.util.Comparator.comparing(a -> a.county().code()));
        return new View(month, figures, trend, changed, lateWork(), selected.computedAt(), selected.archiveAt());
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
