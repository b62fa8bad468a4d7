package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.service.api.VisitCoverage;
import com.tobacco.retailcrm.service.api.VisitRecords;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 拜访覆盖率 of a month (docs/api.md): for each ACTIVE customer, the visits due from its cycle (WEEKLY one per ISO week
 * starting in the month, BIWEEKLY half of those rounded up, MONTHLY one) and the visits made in the month, at most the
 * due number; summed per manager and county in one statement, so 300,000 customers cost one scan.
 */
@Service
public class CoverageReport implements VisitRecords {

    /** Due and visited per (manager, county); the caller's predicate on {@code f.*} is spliced in. */
    static final String SQL = """
            select c.customer_manager, c.county_org_unit_id, sum(c.due) as due,
                   sum(least(coalesce(m.n, 0), c.due)) as visited
            from (select f.customer_code, f.customer_manager, f.county_org_unit_id,
                         case f.cycle when 'WEEKLY' then ? when 'BIWEEKLY' then ? else 1 end as due
                  from (%s) f where f.status = 'ACTIVE' and (%s)) c
            left join (select customer_code, count(*) as n from visit
                       where visit_date >= ? and visit_date < ? group by customer_code) m
                   on m.customer_code = c.customer_code
            group by c.customer_manager, c.county_org_unit_id""";

    private final JdbcTemplate jdbc;
    private final VisitAccess access;

    CoverageReport(JdbcTemplate jdbc, VisitAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** One line of the result: a manager's customers in one county. */
    public record Cell(String manager, long countyId, VisitCoverage coverage) {
    }

    /** The month's coverage per manager and county within the caller's data scope. */
    @Transactional(readOnly = true)
    public List<Cell> inScope(YearMonth month) {
        DataScope.SqlPredicate scope = access.scope(CurrentUsers.require(), "f.customer_manager", "f.county_org_unit_id");
        return cells(month, scope.sql(), scope.args());
    }

    List<Cell> cells(YearMonth month, String predicate, List<Object> predicateArgs) {
        Object[] args = new Object[4 + predicateArgs.size()];
        args[0] = VisitCycle.WEEKLY.dueIn(month);
        args[1] = VisitCycle.BIWEEKLY.dueIn(month);
        for (int i = 0; i < predicateArgs.size(); i++) {
            args[2 + i] = predicateArgs.get(i);
        }
        args[2 + predicateArgs.size()] = month.atDay(1);
        args[3 + predicateArgs.size()] = month.plusMonths(1).atDay(1);
        return jdbc.query(SQL.formatted(CustomerCycles.SQL, predicate), (rs, n) -> new Cell(
                rs.getString("customer_manager"), rs.getLong("county_org_unit_id"),
                new VisitCoverage(rs.getInt("due"), rs.getInt("visited"))), args);
    }

    /** Sums cells by a key (manager, county). */
    public static <K> Map<K, VisitCoverage> sum(List<Cell> cells, java.util.function.Function<Cell, K> key) {
        Map<K, VisitCoverage> sums = new HashMap<>();
        for (Cell c : cells) {
            sums.merge(key.apply(c), c.coverage(), (a, b) -> new VisitCoverage(a.due() + b.due(), a.visited() + b.visited()));
        }
        return sums;
    }

    public static VisitCoverage total(List<Cell> cells) {
        return cells.stream().map(Cell::coverage).reduce(new VisitCoverage(0, 0),
                (a, b) -> new VisitCoverage(a.due() + b.due(), a.visited() + b.visited()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, VisitCoverage> coverageByManager(YearMonth month) {
        Map<String, VisitCoverage> byManager = new TreeMap<>(sum(cells(month, "f.customer_manager is not null", List.of()),
                Cell::manager));
        return byManager;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> visitsByCustomer(LocalDate from, LocalDate to) {
        Map<String, Integer> visits = new HashMap<>();
        jdbc.query("select customer_code, count(*) from visit where visit_date between ? and ? group by customer_code",
                rs -> {
                    visits.put(rs.getString(1), rs.getInt(2));
                }, from, to);
        return visits;
    }
}
