package com.tobacco.retailcrm.report.kpi;

import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 月度指标快照 — each month's counts per (customer manager, county), computed by {@link Indicators} and stored in
 * {@code kpi_month_figures}, so the dashboard reads twelve months in milliseconds instead of aggregating every family
 * live. A closed month is computed once, and again only when data for it arrives late ({@link #touched}, or the
 * nightly {@link #markLate}); the current month is recomputed every {@code crm.kpi.current-every}. Computing is done
 * by {@link MonthlyFiguresJob} under the scheduling lock, so two instances never compute at once.
 *
 * <p>The archive figures (customers, completeness, overdue new customers) only exist as "now": a month keeps the
 * values of its last computation before it ended — the month-end snapshot — and a closed month's recomputation keeps
 * them. A month first computed after its end takes them when computed ({@code archiveAt} says when).
 */
@Service
public class MonthlyFigures {

    /** The figures taken at the snapshot time rather than counted over the month. */
    public static final List<String> SNAPSHOT_FIGURES = List.of("customers", "completeness", "overdueNew");

    /** A month as stored: null times when it was never computed (its groups are then empty). */
    public record Month(YearMonth month, Instant computedAt, Instant archiveAt, Map<Indicators.Group, Tally> groups) {

        /** Whether the archive figures were taken before the month ended: a true month-end snapshot. */
        public boolean archiveOfTheMonth(java.time.ZoneId zone) {
            return archiveAt != null && archiveAt.isBefore(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        }
    }

    private static final String COUNTS = "customers, completeness_sum, overdue_new, changes_finished, changes_on_time,"
            + " visits_due, visits_counted, complaints, resolved_on_time, resolution_late, callbacks, satisfied,"
            + " ratings, rating_sum, ordered, succeeded, electronic";

    private final Indicators indicators;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CrmProperties crm;
    private final Duration currentEvery;
    private final int trendMonths;

    MonthlyFigures(Indicators indicators, JdbcTemplate jdbc, Clock clock, CrmProperties crm,
                   @Value("${crm.kpi.current-every:PT15M}") Duration currentEvery) {
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.clock = clock;
        this.crm = crm;
        this.currentEvery = currentEvery;
        this.trendMonths = Dashboard.TREND_MONTHS;
    }

    /** Data for these days arrived (in the caller's transaction): their months are due for recomputation. */
    public void touched(Collection<LocalDate> days) {
        TreeSet<LocalDate> months = new TreeSet<>();
        days.forEach(d -> months.add(d.withDayOfMonth(1)));
        // in month order, so two ingests touching the same months lock the header rows in the same order
        months.forEach(m -> jdbc.update("insert into kpi_month (month, late_data) values (?, 1) on conflict (month)"
                + " do update set late_data = kpi_month.late_data + 1", Date.valueOf(m)));
    }

    /** The nightly pass: closed months whose figures may still move (callbacks, late resolutions) are due again. */
    @Transactional
    public void markLate(int closedMonths) {
        YearMonth current = current();
        List<LocalDate> days = new ArrayList<>();
        for (int i = 1; i <= closedMonths; i++) {
            days.add(current.minusMonths(i).atDay(1));
        }
        touched(days);
    }

    /** Months asked for that were never computed: the next refresh computes them. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void request(Collection<YearMonth> months) {
        months.forEach(m -> jdbc.update("insert into kpi_month (month) values (?) on conflict (month) do nothing",
                Date.valueOf(m.atDay(1))));
    }

    /**
     * The months due, oldest first: the current month when it is older than {@code current-every}, every month with
     * data arrived since its computation, every month asked for and never computed, and the trend's months up to the
     * current one while they have never been computed (a fresh installation). Called under the scheduling lock only.
     */
    public List<YearMonth> due() {
        YearMonth current = current();
        TreeSet<YearMonth> due = new TreeSet<>();
        jdbc.query("select month from kpi_month where computed_for <> late_data or computed_at is null",
                rs -> {
                    due.add(YearMonth.from(rs.getDate(1).toLocalDate()));
                });
        Map<YearMonth, Instant> computed = new HashMap<>();
        jdbc.query("select month, computed_at from kpi_month where month >= ? and computed_at is not null", rs -> {
            computed.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getTimestamp(2).toInstant());
        }, Date.valueOf(current.minusMonths(trendMonths).atDay(1)));
        for (int i = trendMonths; i >= 0; i--) {
            if (!computed.containsKey(current.minusMonths(i))) {
                due.add(current.minusMonths(i));
            }
        }
        Instant at = computed.get(current);
        if (at == null || !at.plus(currentEvery).isAfter(clock.instant())) {
            due.add(current);
        }
        due.removeIf(m -> m.isAfter(current));
        return List.copyOf(due);
    }

    /**
     * Computes one month and replaces its stored counts in one transaction. The archive figures are taken now while
     * the month is open (or were never taken); a closed month keeps its month-end values.
     */
    @Transactional
    public void compute(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        jdbc.update("insert into kpi_month (month) values (?) on conflict (month) do nothing", first);
        // what has arrived so far; anything bumped while we count makes the month due again
        Long lateData = jdbc.queryForObject("select late_data from kpi_month where month = ?", Long.class, first);
        Timestamp archiveAt = jdbc.queryForObject("select archive_at from kpi_month where month = ?", Timestamp.class,
                first);
        Instant started = clock.instant();
        boolean takeArchive = !month.isBefore(current()) || archiveAt == null;
        Map<Indicators.Group, Tally> groups = indicators.collect(month,
                takeArchive ? indicators.archive(month) : List.of(), new HashMap<>());
        if (!takeArchive) {
            keepArchive(first, groups);
        }
        jdbc.update("delete from kpi_month_figures where month = ?", first);
        List<Object[]> rows = new ArrayList<>();
        groups.forEach((g, t) -> rows.add(new Object[] {first, g.manager(), g.county(), t.customers,
                t.completenessSum, t.overdueNew, t.changesFinished, t.changesOnTime, t.visitsDue, t.visitsCounted,
                t.complaints, t.resolvedOnTime, t.resolutionLate, t.callbacks, t.satisfied, t.ratings, t.ratingSum,
                t.ordered, t.succeeded, t.electronic}));
        jdbc.batchUpdate("insert into kpi_month_figures (month, customer_manager, county_org_unit_id, " + COUNTS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("update kpi_month set computed_at = ?, computed_for = ?, archive_at = ? where month = ?",
                Timestamp.from(started), lateData, takeArchive ? Timestamp.from(started) : archiveAt, first);
    }

    /** A closed month's recomputation: its stored month-end archive figures, put back into the fresh counts. */
    private void keepArchive(Date first, Map<Indicators.Group, Tally> groups) {
        jdbc.query("select customer_manager, county_org_unit_id, customers, completeness_sum, overdue_new"
                + " from kpi_month_figures where month = ? and (customers <> 0 or overdue_new <> 0)", rs -> {
                    Tally t = groups.computeIfAbsent(new Indicators.Group(rs.getString(1), (Long) rs.getObject(2)),
                            g -> new Tally());
                    t.customers = rs.getLong(3);
                    t.completenessSum = rs.getBigDecimal(4);
                    t.overdueNew = rs.getLong(5);
                }, first);
    }

    /** The stored months, in the order asked; a month never computed comes back with null times and no groups. */
    @Transactional(readOnly = true)
    public List<Month> read(List<YearMonth> months) {
        Map<YearMonth, Month> found = new LinkedHashMap<>();
        months.forEach(m -> found.put(m, new Month(m, null, null, new HashMap<>())));
        Date[] firsts = months.stream().map(m -> Date.valueOf(m.atDay(1))).toArray(Date[]::new);
        jdbc.query("select month, computed_at, archive_at from kpi_month where month = any(?) and computed_at is not null",
                rs -> {
                    YearMonth m = YearMonth.from(rs.getDate(1).toLocalDate());
                    found.put(m, new Month(m, rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3)),
                            found.get(m).groups()));
                }, (Object) firsts);
        jdbc.query("select month, customer_manager, county_org_unit_id, " + COUNTS
                + " from kpi_month_figures where month = any(?)", rs -> {
                    Month m = found.get(YearMonth.from(rs.getDate(1).toLocalDate()));
                    if (m != null) {
                        m.groups().put(new Indicators.Group(rs.getString(2), (Long) rs.getObject(3)), tally(rs));
                    }
                }, (Object) firsts);
        return List.copyOf(found.values());
    }

    private static Tally tally(ResultSet rs) throws SQLException {
        Tally t = new Tally();
        int i = 4;
        t.customers = rs.getLong(i++);
        t.completenessSum = rs.getBigDecimal(i++);
        t.overdueNew = rs.getLong(i++);
        t.changesFinished = rs.getLong(i++);
        t.changesOnTime = rs.getLong(i++);
        t.visitsDue = rs.getLong(i++);
        t.visitsCounted = rs.getLong(i++);
        t.complaints = rs.getLong(i++);
        t.resolvedOnTime = rs.getLong(i++);
        t.resolutionLate = rs.getLong(i++);
        t.callbacks = rs.getLong(i++);
        t.satisfied = rs.getLong(i++);
        t.ratings = rs.getLong(i++);
        t.ratingSum = rs.getLong(i++);
        t.ordered = rs.getLong(i++);
        t.succeeded = rs.getLong(i++);
        t.electronic = rs.getLong(i);
        return t;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private YearMonth current() {
        return YearMonth.from(clock.instant().atZone(crm.zone()));
    }
}
