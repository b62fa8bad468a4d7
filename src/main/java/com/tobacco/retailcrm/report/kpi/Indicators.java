package com.tobacco.retailcrm.report.kpi;

import com.tobacco.retailcrm.complaint.api.ComplaintFigures;
import com.tobacco.retailcrm.customer.api.ArchiveFigures;
import com.tobacco.retailcrm.customer.api.ArchiveFigures.ManagerArchive;
import com.tobacco.retailcrm.customer.api.CustomerFacts;
import com.tobacco.retailcrm.maintenance.api.ChangeFigures;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.service.api.VisitRecords;
import com.tobacco.retailcrm.survey.api.SurveyFigures;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 客户经理考核指标 — each figure family counted once for the whole company by the module that owns it (one aggregate
 * each, grouped by customer manager and county), added up here per manager or per county, and cut to the caller's data
 * scope. Visits are counted per manager only; they count in the county where the manager sits.
 */
@Service
public class Indicators {

    /** A customer manager (null: customers without one) in a county (null: not known, e.g. a bulk change). */
    public record Group(String manager, Long county) {
    }

    /** One manager's row: who, where, and the counts. */
    public record ManagerRow(String manager, String managerName, OrgUnitRef county, Tally tally) {
    }

    /** One county's row. */
    public record CountyRow(OrgUnitRef county, Tally tally) {
    }

    private final ArchiveFigures archive;
    private final ChangeFigures changes;
    private final VisitRecords visits;
    private final ComplaintFigures complaints;
    private final SurveyFigures surveys;
    private final JdbcTemplate jdbc;
    private final UserDirectory users;
    private final OrgDirectory org;

    Indicators(ArchiveFigures archive, ChangeFigures changes, VisitRecords visits, ComplaintFigures complaints,
               SurveyFigures surveys, JdbcTemplate jdbc, UserDirectory users, OrgDirectory org) {
        this.archive = archive;
        this.changes = changes;
        this.visits = visits;
        this.complaints = complaints;
        this.surveys = surveys;
        this.jdbc = jdbc;
        this.users = users;
        this.org = org;
    }

    /** The archive as it is now, with the new customers overdue in the month: read once, reused for trends. */
    public List<ManagerArchive> archive(YearMonth month) {
        return archive.byManager(month);
    }

    /** Every manager within the scope who has customers or figures in the month, by county then name. */
    @Transactional(readOnly = true)
    public List<ManagerRow> managers(YearMonth month, DataScope scope) {
        Map<String, Optional<UserRef>> people = new HashMap<>();
        Map<String, ManagerRow> rows = new LinkedHashMap<>();
        collect(month, archive(month), people).forEach((g, t) -> {
            if (g.manager() != null && scope.includes(g.manager(), g.county())) {
                rows.computeIfAbsent(g.manager(), m -> new ManagerRow(m, name(m, people), managerCounty(m, people)
                        .or(() -> countyOf(g.county())).orElse(null), new Tally())).tally().add(t);
            }
        });
        List<ManagerRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing((ManagerRow r) -> r.county() == null ? "" : r.county().code())
                .thenComparing(ManagerRow::managerName));
        return sorted;
    }

    /** Every county's sum (customers without a manager included) and the company's, for the dashboard. */
    public record ByCounty(List<CountyRow> counties, Tally company) {
    }

    /** The month computed live from every family's aggregate (what {@link MonthlyFigures} stores). */
    @Transactional(readOnly = true)
    public ByCounty counties(YearMonth month, List<ManagerArchive> archiveNow) {
        return counties(collect(month, archiveNow, new HashMap<>()));
    }

    /** Counties and company summed from the groups' counts (live or from the monthly snapshot alike). */
    public ByCounty counties(Map<Group, Tally> groups) {
        Map<Long, Tally> byCounty = new LinkedHashMap<>();
        Tally company = new Tally();
        groups.forEach((g, t) -> {
            company.add(t);
            if (g.county() != null) {
                byCounty.computeIfAbsent(g.county(), c -> new Tally()).add(t);
            }
        });
        List<CountyRow> rows = new ArrayList<>();
        byCounty.forEach((id, t) -> org.findById(id).ifPresent(u -> rows.add(new CountyRow(u, t))));
        rows.sort(Comparator.comparing(r -> r.county().code()));
        return new ByCounty(rows, company);
    }

    /** Each family's aggregate of the month, keyed by manager and county. */
    Map<Group, Tally> collect(YearMonth month, List<ManagerArchive> archiveNow, Map<String, Optional<UserRef>> people) {
        Map<Group, Tally> groups = new HashMap<>();
        for (ManagerArchive a : archiveNow) {
            Tally t = tally(groups, a.manager(), a.countyOrgUnitId());
            t.customers += a.customers();
            t.completenessSum = t.completenessSum.add(a.completenessSum());
            t.overdueNew += a.overdueNew();
        }
        for (var c : changes.byManager(month)) {
            Tally t = tally(groups, c.manager(), c.countyOrgUnitId());
            t.changesFinished += c.finished();
            t.changesOnTime += c.onTime();
        }
        visits.coverageByManager(month).forEach((manager, v) -> {
            Tally t = tally(groups, manager, managerCounty(manager, people).map(OrgUnitRef::id).orElse(null));
            t.visitsDue += v.due();
            t.visitsCounted += Math.min(v.visited(), v.due());
        });
        for (var c : complaints.byManager(month)) {
            Tally t = tally(groups, c.manager(), c.countyOrgUnitId());
            t.complaints += c.complaints();
            t.resolvedOnTime += c.resolvedOnTime();
            t.resolutionLate += c.resolutionLate();
            t.callbacks += c.callbacks();
            t.satisfied += c.satisfied();
        }
        for (var s : surveys.byManager(month)) {
            Tally t = tally(groups, s.manager(), s.countyOrgUnitId());
            t.ratings += s.ratings();
            t.ratingSum += s.ratingSum();
        }
        orders(month, groups);
        return groups;
    }

    /** The month's daily order facts per manager and county, through the archive's view (this module's own table). */
    private void orders(YearMonth month, Map<Group, Tally> groups) {
        jdbc.query("select f.customer_manager, f.county_org_unit_id, count(*) filter (where o.ordered),"
                + " count(*) filter (where o.succeeded), count(*) filter (where o.electronic)"
                + " from order_daily o join " + CustomerFacts.VIEW + " f on f.customer_code = o.customer_code"
                + " where o.day >= ? and o.day < ? group by 1, 2", rs -> {
                    Tally t = tally(groups, rs.getString(1), (Long) rs.getObject(2));
                    t.ordered += rs.getLong(3);
                    t.succeeded += rs.getLong(4);
                    t.electronic += rs.getLong(5);
                }, Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)));
    }

    private static Tally tally(Map<Group, Tally> groups, String manager, Long county) {
        return groups.computeIfAbsent(new Group(manager, county), g -> new Tally());
    }

    private Optional<UserRef> person(String manager, Map<String, Optional<UserRef>> people) {
        return people.computeIfAbsent(manager, users::find);
    }

    private String name(String manager, Map<String, Optional<UserRef>> people) {
        return person(manager, people).map(UserRef::displayName).orElse(manager);
    }

    private Optional<OrgUnitRef> managerCounty(String manager, Map<String, Optional<UserRef>> people) {
        return person(manager, people).flatMap(u -> org.countyOf(u.orgUnitId()));
    }

    private Optional<OrgUnitRef> countyOf(Long id) {
        return id == null ? Optional.empty() : org.findById(id);
    }
}
