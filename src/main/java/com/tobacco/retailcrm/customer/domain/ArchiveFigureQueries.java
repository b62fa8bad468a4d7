package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.customer.api.ArchiveFigures;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ArchiveFigures} in two aggregates over the archive: the completeness rule ({@link CompletenessRule}) is
 * written as one SQL expression from the dictionary's counted fields, so 300,000 customers are never loaded.
 */
@Service
class ArchiveFigureQueries implements ArchiveFigures {

    /** How far before the month a new customer may have been created and still fall due in it (holidays included). */
    private static final int CREATED_BEFORE_DAYS = 31;

    private final JdbcTemplate jdbc;
    private final FieldDictionary dictionary;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final CrmProperties crm;

    ArchiveFigureQueries(JdbcTemplate jdbc, FieldDictionary dictionary, WorkingCalendar calendar, Clock clock,
                         CrmProperties crm) {
        this.jdbc = jdbc;
        this.dictionary = dictionary;
        this.calendar = calendar;
        this.clock = clock;
        this.crm = crm;
    }

    private record Key(String manager, long county) {
    }

    @Override
    @Transactional(readOnly = true)
    public List<ManagerArchive> byManager(YearMonth month) {
        Completeness expr = completeness();
        Map<Key, ManagerArchive> rows = new LinkedHashMap<>();
        jdbc.query("select c.customer_manager, c.county_org_unit_id, count(*), coalesce(sum(" + expr.sql + "), 0)"
                + " from customer c where c.status = 'ACTIVE' group by 1, 2 order by 1, 2", rs -> {
                    Key k = new Key(rs.getString(1), rs.getLong(2));
                    rows.put(k, new ManagerArchive(k.manager(), k.county(), rs.getLong(3), rs.getBigDecimal(4), 0));
                }, expr.args.toArray());
        overdueNew(month, expr).forEach((k, n) -> rows.merge(k, new ManagerArchive(k.manager(), k.county(), 0,
                BigDecimal.ZERO, n), (a, b) -> new ManagerArchive(a.manager(), a.countyOrgUnitId(), a.customers(),
                a.completenessSum(), b.overdueNew())));
        return List.copyOf(rows.values());
    }

    /**
     * The candidates are few (created one by one around the month), so their deadlines are counted on the working
     * calendar here; their completeness still comes from SQL. Like the reminders, it reads the per-field creation
     * rows of customer_history directly: creations one by one are never stored as one row (V255).
     */
    private Map<Key, Long> overdueNew(YearMonth month, Completeness expr) {
        LocalDate today = LocalDate.now(clock.withZone(crm.zone()));
        List<Object> args = new ArrayList<>();
        args.add(crm.zone().getId());
        args.addAll(expr.args);
        args.add(Timestamp.from(month.atDay(1).minusDays(CREATED_BEFORE_DAYS).atStartOfDay(crm.zone()).toInstant()));
        args.add(Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(crm.zone()).toInstant()));
        Map<LocalDate, LocalDate> dueOf = new HashMap<>();
        Map<Key, Long> counts = new HashMap<>();
        jdbc.query("select c.customer_manager, c.county_org_unit_id, (c.created_at at time zone ?)::date"
                + " from customer c where c.status <> 'CANCELLED' and " + expr.sql + " < 1"
                + " and c.created_at >= ? and c.created_at < ?"
                + " and exists (select 1 from customer_history h where h.customer_id = c.id and h.field = 'customerCode'"
                + " and h.old_value is null and (h.source = 'DIRECT' or h.source like 'ONBOARDING:%'))", rs -> {
                    LocalDate created = rs.getDate(3).toLocalDate();
                    LocalDate due = dueOf.computeIfAbsent(created,
                            d -> calendar.addWorkingDays(d, com.tobacco.retailcrm.customer.reminder.CustomerReminders.ONBOARDING_WORKING_DAYS));
                    if (YearMonth.from(due).equals(month) && today.isAfter(due)) {
                        counts.merge(new Key(rs.getString(1), rs.getLong(2)), 1L, Long::sum);
                    }
                }, args.toArray());
        return counts;
    }

    /** The overall completeness of row {@code c} as SQL, rounded down to 2 places like {@link CompletenessRule}. */
    private record Completeness(String sql, List<Object> args) {
    }

    private Completeness completeness() {
        List<FieldDefinition> counted = CompletenessRule.counted(dictionary.all());
        if (counted.isEmpty()) {
            return new Completeness("1.00", List.of());
        }
        List<String> terms = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (FieldDefinition f : counted) {
            String column = dictionary.column(f.key());
            if (column == null) {
                terms.add("(case when (c.custom_fields ->> ?) is not null then 1 else 0 end)");
                args.add(f.key());
            } else {
                terms.add("(case when c." + Objects.requireNonNull(column) + " is not null then 1 else 0 end)");
            }
        }
        return new Completeness("(floor((" + String.join(" + ", terms) + ") * 100.0 / " + counted.size()
                + ") / 100.0)", args);
    }
}
