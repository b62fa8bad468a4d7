package com.tobacco.retailcrm.service.care;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.service.visit.CustomerCycles;
import com.tobacco.retailcrm.service.visit.VisitAccess;
import com.tobacco.retailcrm.service.visit.VisitCycle;
import com.tobacco.retailcrm.service.visit.VisitPlans;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 亲情服务 — what care is coming for the caller's customers: a keeper's birthday or the shop's anniversary within the
 * window, the festivals (holidays of the working calendar) in it, and each vulnerable-group retailer (弱势群体) that has
 * had no CARE visit within its visit cycle — a care visit is a visit, so it also counts for coverage.
 */
@Service
public class CareService {

    static final int MAX_DAYS = 366;
    private static final DateTimeFormatter MM_DD = DateTimeFormatter.ofPattern("MM-dd");

    private final JdbcTemplate jdbc;
    private final VisitAccess access;
    private final VisitPlans plans;
    private final WorkingCalendar calendar;

    CareService(JdbcTemplate jdbc, VisitAccess access, VisitPlans plans, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.access = access;
        this.plans = plans;
        this.calendar = calendar;
    }

    /** Why a customer is on the care list. */
    public enum Kind {
        BIRTHDAY, ANNIVERSARY, VULNERABLE
    }

    /** One care occasion of a customer; {@code years} for an anniversary, {@code lastCareVisit} for the vulnerable. */
    public record Occasion(Kind kind, LocalDate date, String customerCode, String storeName, String manager,
                           String vulnerableKind, LocalDate lastCareVisit, Integer years) {
    }

    /** A festival: consecutive holidays of the working calendar, with how many of the caller's customers to greet. */
    public record Festival(LocalDate from, LocalDate to, long customers) {
    }

    public record Upcoming(LocalDate from, LocalDate to, List<Festival> festivals, List<Occasion> items) {
    }

    @Transactional(readOnly = true)
    public Upcoming upcoming(Integer days) {
        int window = days == null ? 14 : days;
        if (window < 1 || window > MAX_DAYS) {
            throw new InvalidInputException("days", "{care.error.days}");
        }
        LocalDate from = plans.today();
        LocalDate to = from.plusDays(window - 1L);
        List<String> monthDays = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            monthDays.add(d.format(MM_DD));
        }
        DataScope.SqlPredicate scope = access.scope(CurrentUsers.require(), "f.customer_manager", "f.county_org_unit_id");
        List<Object> args = new ArrayList<>(scope.args());
        String[] mmdd = monthDays.toArray(String[]::new);
        args.add(mmdd);
        args.add(mmdd);
        List<Occasion> items = new ArrayList<>();
        jdbc.query("select f.customer_code, f.store_name, f.customer_manager, f.birthday, f.opened_on, f.cycle, "
                + "f.vulnerable_group, f.vulnerable_kind, (select max(v.visit_date) from visit v where "
                + "v.customer_code = f.customer_code and v.purpose = 'CARE') as last_care from (" + CustomerCycles.SQL
                + ") f where f.status = 'ACTIVE' and (" + scope.sql() + ") and (f.birthday = any(?) or "
                + "to_char(f.opened_on, 'MM-DD') = any(?) or f.vulnerable_group)", rs -> {
                    String code = rs.getString("customer_code");
                    String store = rs.getString("store_name");
                    String manager = rs.getString("customer_manager");
                    String birthday = rs.getString("birthday");
                    if (birthday != null && monthDays.contains(birthday)) {
                        items.add(new Occasion(Kind.BIRTHDAY, next(birthday, from), code, store, manager, null, null, null));
                    }
                    LocalDate opened = rs.getObject("opened_on", LocalDate.class);
                    if (opened != null && monthDays.contains(opened.format(MM_DD))) {
                        LocalDate date = next(opened.format(MM_DD), from);
                        int years = date.getYear() - opened.getYear();
                        if (years > 0) {
                            items.add(new Occasion(Kind.ANNIVERSARY, date, code, store, manager, null, null, years));
                        }
                    }
                    LocalDate lastCare = rs.getObject("last_care", LocalDate.class);
                    VisitCycle cycle = VisitCycle.valueOf(rs.getString("cycle"));
                    if (rs.getBoolean("vulnerable_group")
                            && (lastCare == null || lastCare.isBefore(cycle.windowStart(from)))) {
                        LocalDate due = lastCare == null ? from : cycle.nextAfter(lastCare);
                        items.add(new Occasion(Kind.VULNERABLE, due.isBefore(from) ? from : due, code, store, manager,
                                rs.getString("vulnerable_kind"), lastCare, null));
                    }
                }, args.toArray());
        items.sort(Comparator.comparing(Occasion::date).thenComparing(Occasion::kind).thenComparing(Occasion::customerCode));
        return new Upcoming(from, to, festivals(from, to, scope), items);
    }

    /** Runs of holidays (weekdays the calendar takes off) in the window; a weekend alone is no festival. */
    private List<Festival> festivals(LocalDate from, LocalDate to, DataScope.SqlPredicate scope) {
        List<Festival> festivals = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        for (LocalDate d = from; !d.isAfter(to.plusDays(1)); d = d.plusDays(1)) {
            boolean holiday = !d.isAfter(to) && !calendar.isWorkingDay(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            boolean off = !d.isAfter(to) && !calendar.isWorkingDay(d);
            if (holiday && start == null) {
                start = d;
            }
            if (start != null && off) {
                end = d;
            }
            if (start != null && !off) {
                festivals.add(new Festival(start, end, 0));
                start = null;
            }
        }
        if (festivals.isEmpty()) {
            return festivals;
        }
        Long customers = jdbc.queryForObject("select count(*) from (" + CustomerCycles.SQL + ") f where f.status = "
                + "'ACTIVE' and (" + scope.sql() + ")", Long.class, scope.args().toArray());
        return festivals.stream().map(f -> new Festival(f.from(), f.to(), customers == null ? 0 : customers)).toList();
    }

    /** The first day on or after {@code from} with this month-day (29 Feb falls on 1 Mar in other years). */
    static LocalDate next(String mmdd, LocalDate from) {
        MonthDay md = MonthDay.parse("--" + mmdd);
        LocalDate date = md.isValidYear(from.getYear()) ? md.atYear(from.getYear()) : LocalDate.of(from.getYear(), 3, 1);
        return date.isBefore(from) ? (md.isValidYear(from.getYear() + 1) ? md.atYear(from.getYear() + 1)
                : LocalDate.of(from.getYear() + 1, 3, 1)) : date;
    }
}
