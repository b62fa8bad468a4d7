package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 拜访计划 — a manager's ACTIVE customers whose next visit falls due by the end of this week (or already has), oldest
 * first. The next visit is due one cycle after the last visit; a customer never visited is due since it joined.
 */
@Service
public class VisitPlans {

    private final JdbcTemplate jdbc;
    private final VisitAccess access;
    private final ZoneId zone;
    private final Clock clock;

    VisitPlans(JdbcTemplate jdbc, VisitAccess access, CrmProperties crm, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.zone = crm.zone();
        this.clock = clock;
    }

    /** One customer to visit: its cycle, last visit (null if never) and the day the next is due. */
    public record Due(long customerId, String customerCode, String storeName, String manager, VisitCycle cycle,
                      LocalDate lastVisit, LocalDate dueOn, boolean overdue) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The week plan of a manager (the caller when null): the caller, a manager above them, or within their scope. */
    @Transactional(readOnly = true)
    public List<Due> plan(String manager) {
        CurrentUser me = CurrentUsers.require();
        String who = manager == null || manager.isBlank() ? me.username() : manager.strip();
        DataScope.SqlPredicate scope = access.scope(me, "f.customer_manager", "f.county_org_unit_id");
        DataScope.Kind kind = access.scopeOf(me).kind();
        boolean wide = kind == DataScope.Kind.COUNTY || kind == DataScope.Kind.COMPANY;
        if (!access.isSelfOrAbove(me, who) && !wide) {
            throw new ForbiddenException("visit.error.notYourPlan");
        }
        String predicate = access.isSelfOrAbove(me, who) ? "true" : scope.sql();
        List<Object> args = new ArrayList<>(access.isSelfOrAbove(me, who) ? List.of() : scope.args());
        args.add(0, who);
        LocalDate today = today();
        LocalDate weekEnd = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        return due("f.customer_manager = ? and (" + predicate + ")", args, today).stream()
                .filter(d -> !d.dueOn().isAfter(weekEnd)).toList();
    }

    /** The caller's own customers whose visit is overdue (for the to-do list). */
    @Transactional(readOnly = true)
    public List<Due> overdueOf(String manager) {
        LocalDate today = today();
        return due("f.customer_manager = ?", List.of(manager), today).stream().filter(Due::overdue).toList();
    }

    private List<Due> due(String where, List<Object> args, LocalDate today) {
        List<Due> result = jdbc.query("select f.customer_id, f.customer_code, f.store_name, f.customer_manager, f.cycle, "
                + "f.created_at, (select max(v.visit_date) from visit v where v.customer_code = f.customer_code) as last "
                + "from (" + CustomerCycles.SQL + ") f where f.status = 'ACTIVE' and " + where, (rs, n) -> {
                    VisitCycle cycle = VisitCycle.valueOf(rs.getString("cycle"));
                    LocalDate last = rs.getObject("last", LocalDate.class);
                    LocalDate dueOn = last == null ? rs.getTimestamp("created_at").toInstant().atZone(zone).toLocalDate()
                            : cycle.nextAfter(last);
                    return new Due(rs.getLong("customer_id"), rs.getString("customer_code"), rs.getString("store_name"),
                            rs.getString("customer_manager"), cycle, last, dueOn, dueOn.isBefore(today));
                }, args.toArray());
        return result.stream().sorted(Comparator.comparing(Due::dueOn).thenComparing(Due::customerCode)).toList();
    }

    /** The customer code of an archive row id within the plan's view (for the to-do's page link). */
    public java.util.Optional<String> codeOf(long customerId) {
        return jdbc.query("select customer_code from " + com.tobacco.retailcrm.customer.api.CustomerFacts.SERVICE_VIEW
                + " where customer_id = ?", (rs, n) -> rs.getString(1), customerId).stream().findFirst();
    }
}
