package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 投诉月度分析 — the figures of one month (by received time, in the company's zone), all counted in SQL: counts by
 * category, channel and handling department; complaints per 1,000 ACTIVE customers; first-response and resolution
 * on-time rates; callback satisfaction; repeats (the same customer and category within the repeat window before);
 * the top causes; and the month before for comparison. Optionally for one county's customers.
 */
@Service
public class ComplaintReport {

    /** A count under a code (category, channel, satisfaction, cause) or an org unit (department). */
    public record Count(String key, long count) {
    }

    /** On time against late; {@code rate} in percent with one decimal, null when nothing was due yet. */
    public record OnTime(long onTime, long late, BigDecimal rate) {
    }

    public record Figures(YearMonth month, String countyCode, long total, List<Count> byCategory,
                          List<Count> byChannel, List<Count> byDepartment, long activeCustomers, BigDecimal perThousand,
                          OnTime firstResponse, OnTime resolution, List<Count> satisfaction,
                          BigDecimal satisfiedRate, long repeats, List<Count> topCauses, long previousTotal,
                          List<Count> previousByCategory, BigDecimal changeRate) {
    }

    private final JdbcTemplate jdbc;
    private final CustomerArchive archive;
    private final OrgDirectory org;
    private final ComplaintProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    ComplaintReport(JdbcTemplate jdbc, CustomerArchive archive, OrgDirectory org, ComplaintProperties properties,
                    CrmProperties crm, Clock clock) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.org = org;
        this.properties = properties;
        this.zone = crm.zone();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Figures of(YearMonth month, String countyCode) {
        String county = countyCode == null || countyCode.isBlank() ? null : countyCode.trim();
        Window w = window(month, county);
        Window before = window(month.minusMonths(1), county);
        long total = count("select count(*) from complaint c where " + w.where, w.args());
        List<Count> byCategory = group("category", w);
        List<Count> byDepartment = group("assignee_org_unit_id", w).stream()
                .map(c -> new Count(c.key() == null ? null : org.findById(Long.parseLong(c.key()))
                        .map(OrgUnitRef::name).orElse(c.key()), c.count())).toList();
        long active = archive.search(new CustomerQuery(null, null, null, "ACTIVE", null, county, null, Map.of()),
                PageQuery.of(0, 1, null, Set.of("customerCode"), "customerCode,asc")).total();
        Timestamp now = Timestamp.from(clock.instant());
        OnTime firstResponse = onTime("first_response_at", "due_first_response_at",
                "c.first_response_at is null and c.due_first_response_at < coalesce(c.paused_at, ?)", w, now);
        OnTime resolution = onTime("resolved_at", "due_resolution_at",
                "c.resolved_at is null and c.status in " + ComplaintStore.OPEN_STATUSES
                        + " and c.due_resolution_at < coalesce(c.paused_at, ?)", w, now);
        List<Count> satisfaction = jdbc.query("select b.satisfaction, count(*) from complaint_callback b join complaint c"
                + " on c.id = b.complaint_id where " + w.where + " group by b.satisfaction order by 2 desc, 1",
                (rs, n) -> new Count(rs.getString(1), rs.getLong(2)), w.args());
        long callbacks = satisfaction.stream().mapToLong(Count::count).sum();
        long satisfied = satisfaction.stream().filter(c -> !"UNSATISFIED".equals(c.key())).mapToLong(Count::count).sum();
        List<Object> repeatArgs = new ArrayList<>(List.of((Object) properties.repeatWindow().toSeconds()));
        repeatArgs.addAll(List.of(w.args()));
        long repeats = count("""
                select count(*) from complaint c where exists (select 1 from complaint e
                  where e.customer_code = c.customer_code and e.category = c.category and e.id <> c.id
                    and e.received_at < c.received_at
                    and e.received_at >= c.received_at - ? * interval '1 second')
                  and c.customer_code is not null and""" + " " + w.where, repeatArgs.toArray());
        List<Count> causes = jdbc.query("select c.cause, count(*) from complaint c where c.cause is not null and "
                + w.where + " group by c.cause order by 2 desc, 1 limit 5", (rs, n) -> new Count(rs.getString(1),
                rs.getLong(2)), w.args());
        long previous = count("select count(*) from complaint c where " + before.where, before.args());
        return new Figures(month, county, total, byCategory, group("channel", w), byDepartment, active,
                active == 0 ? null : BigDecimal.valueOf(total * 1000L).divide(BigDecimal.valueOf(active), 2,
                        RoundingMode.HALF_UP), firstResponse, resolution, satisfaction, percent(satisfied, callbacks),
                repeats, causes, previous, group("category", before),
                previous == 0 ? null : percent(total - previous, previous));
    }

    /** The month's rows: received within it, of the county's customers when one is named. */
    private record Window(String where, List<Object> argList) {
        Object[] args() {
            return argList.toArray();
        }
    }

    private Window window(YearMonth month, String county) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        String where = "c.received_at >= ? and c.received_at < ?";
        if (county != null) {
            where += " and c.customer_county_code = ?";
            args.add(county);
        }
        return new Window(where, args);
    }

    /** Counts per value of a fixed column name (never user text), largest first. */
    private List<Count> group(String column, Window w) {
        return jdbc.query("select c." + column + ", count(*) from complaint c where " + w.where + " group by c."
                + column + " order by 2 desc, 1", (rs, n) -> new Count(rs.getString(1), rs.getLong(2)), w.args());
    }

    private OnTime onTime(String done, String due, String pendingLate, Window w, Timestamp now) {
        List<Object> args = new ArrayList<>(List.of((Object) now));
        args.addAll(w.argList());
        return jdbc.queryForObject("select count(*) filter (where c." + done + " is not null and c." + done + " <= c."
                + due + "), count(*) filter (where c." + done + " > c." + due + " or (" + pendingLate + "))"
                + " from complaint c where " + w.where, (rs, n) -> {
                    long onTime = rs.getLong(1);
                    long late = rs.getLong(2);
                    return new OnTime(onTime, late, percent(onTime, onTime + late));
                }, args.toArray());
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    /** For the UI: how long the repeat window is, in days. */
    public long repeatDays() {
        return properties.repeatWindow().toDays();
    }
}
