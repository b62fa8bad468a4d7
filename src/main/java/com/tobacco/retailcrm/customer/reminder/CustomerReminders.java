package com.tobacco.retailcrm.customer.reminder;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 到期提醒 — what needs doing soon for the customers a user is responsible for (their data scope: a customer
 * manager their own customers, a market manager their team's, a county head the county's, the market department
 * all): licences expiring and annual reviews due within {@value #DEFAULT_DAYS} days (or already past), and new
 * customers whose archive is not complete within {@value #ONBOARDING_WORKING_DAYS} working days of onboarding
 * (新增户五个工作日内完善), counted on the working calendar (holidays and 调休 make-up days included). Cancelled customers raise nothing.
 */
@Service
public class CustomerReminders {

    public static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    public static final int ONBOARDING_WORKING_DAYS = 5;

    private final JdbcTemplate jdbc;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final CustomerArchive archive;
    private final WorkingCalendar workingDays;
    private final Clock clock;
    private final CrmProperties properties;
    private final int onboardingWindowDays;

    CustomerReminders(JdbcTemplate jdbc, UserDirectory users, OrgDirectory org, CustomerArchive archive,
                      WorkingCalendar workingDays, Clock clock, CrmProperties properties,
                      @Value("${crm.customer.reminders.onboarding-window-days:90}") int onboardingWindowDays) {
        this.jdbc = jdbc;
        this.users = users;
        this.org = org;
        this.archive = archive;
        this.workingDays = workingDays;
        this.clock = clock;
        this.properties = properties;
        this.onboardingWindowDays = onboardingWindowDays;
    }

    /**
     * The caller's reminders, most urgent first.
     *
     * @param days            how far ahead dates count (1–366, default 30)
     * @param customerManager only this manager's customers (within the caller's scope), or null for all
     */
    @Transactional(readOnly = true)
    public List<Reminder> forCurrentUser(Integer days, String customerManager) {
        int ahead = days == null ? DEFAULT_DAYS : days;
        if (ahead < 1 || ahead > MAX_DAYS) {
            throw new InvalidInputException("days", "{customer.reminder.error.days}");
        }
        DataScope scope = users.scopeOf(CurrentUsers.require());
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        Map<Long, String> counties = countyCodes();
        List<Reminder> reminders = new ArrayList<>();
        reminders.addAll(dated(scope, customerManager, today, ahead, counties));
        reminders.addAll(incompleteNewCustomers(scope, customerManager, today, counties));
        reminders.sort(Comparator.comparing(Reminder::dueDate).thenComparing(Reminder::customerCode)
                .thenComparing(Reminder::kind));
        return reminders;
    }

    private List<Reminder> dated(DataScope scope, String manager, LocalDate today, int ahead, Map<Long, String> counties) {
        DataScope.SqlPredicate predicate = scope.toSql("c.customer_manager", "c.county_org_unit_id");
        LocalDate until = today.plusDays(ahead);
        String sql = """
                select c.customer_code, c.store_name, c.customer_manager, c.county_org_unit_id,
                       c.licence_expiry_date, c.annual_review_date
                from customer c
                where (%s) and c.status <> 'CANCELLED' and (? is null or c.customer_manager = ?)
                  and (c.licence_expiry_date <= ? or c.annual_review_date <= ?)""".formatted(predicate.sql());
        List<Reminder> result = new ArrayList<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            int i = bind(con, ps, predicate.args());
            ps.setString(i++, manager);
            ps.setString(i++, manager);
            ps.setDate(i++, Date.valueOf(until));
            ps.setDate(i, Date.valueOf(until));
            return ps;
        }, rs -> {
            String county = counties.get(rs.getLong("county_org_unit_id"));
            for (var kind : List.of(ReminderKind.LICENCE_EXPIRY, ReminderKind.ANNUAL_REVIEW)) {
                Date due = rs.getDate(kind == ReminderKind.LICENCE_EXPIRY ? "licence_expiry_date" : "annual_review_date");
                if (due != null && !due.toLocalDate().isAfter(until)) {
                    LocalDate d = due.toLocalDate();
                    result.add(new Reminder(kind, rs.getString("customer_code"), rs.getString("store_name"),
                            rs.getString("customer_manager"), county, d, ChronoUnit.DAYS.between(today, d),
                            d.isBefore(today), null));
                }
            }
        });
        return result;
    }

    /**
     * New customers (created within the onboarding window) whose archive is still incomplete: due 5 working days
     * after the day they were created, overdue after that. Completeness is the archive's own rule. A new customer is
     * one onboarded or created one by one; retailers brought in by a bulk load (an import, the demo data) already
     * trade and are not 新增户, so they raise no such reminder. The customer_history table is read directly, not
     * through customer_history_entry: a creation one by one is always stored a row per field (only an import's is
     * one row, V255).
     */
    private List<Reminder> incompleteNewCustomers(DataScope scope, String manager, LocalDate today,
                                                  Map<Long, String> counties) {
        DataScope.SqlPredicate predicate = scope.toSql("c.customer_manager", "c.county_org_unit_id");
        String sql = """
                select c.customer_code, c.store_name, c.customer_manager, c.county_org_unit_id,
                       (c.created_at at time zone ?)::date as created_on
                from customer c
                where (%s) and c.status <> 'CANCELLED' and (? is null or c.customer_manager = ?)
                  and c.created_at >= ?::date - ?::int
                  and exists (select 1 from customer_history h where h.customer_id = c.id and h.field = 'customerCode'
                              and h.old_value is null and (h.source = 'DIRECT' or h.source like 'ONBOARDING:%%'))
                order by c.created_at""".formatted(predicate.sql());
        record Candidate(String code, String name, String manager, String county, LocalDate createdOn) {
        }
        List<Candidate> candidates = new ArrayList<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setString(1, properties.zone().getId());
            int i = bind(con, ps, predicate.args(), 2);
            ps.setString(i++, manager);
            ps.setString(i++, manager);
            ps.setDate(i++, Date.valueOf(today));
            ps.setInt(i, onboardingWindowDays);
            return ps;
        }, rs -> {
            candidates.add(new Candidate(rs.getString("customer_code"), rs.getString("store_name"),
                    rs.getString("customer_manager"), counties.get(rs.getLong("county_org_unit_id")),
                    rs.getDate("created_on").toLocalDate()));
        });
        List<Reminder> result = new ArrayList<>();
        for (Candidate c : candidates) {
            CustomerRecord record = archive.find(c.code()).orElse(null);
            if (record == null || record.completeness() == null
                    || record.completeness().overall().compareTo(BigDecimal.ONE) >= 0) {
                continue;
            }
            LocalDate due = workingDays.addWorkingDays(c.createdOn(), ONBOARDING_WORKING_DAYS);
            result.add(new Reminder(ReminderKind.INCOMPLETE_NEW_CUSTOMER, c.code(), c.name(), c.manager(), c.county(),
                    due, ChronoUnit.DAYS.between(today, due), today.isAfter(due),
                    record.completeness().overall().movePointRight(2).stripTrailingZeros().toPlainString() + "%"));
        }
        return result;
    }

    private Map<Long, String> countyCodes() {
        Map<Long, String> codes = new HashMap<>();
        for (OrgUnitRef unit : org.all()) {
            codes.put(unit.id(), unit.code());
        }
        return codes;
    }

    private static int bind(java.sql.Connection con, PreparedStatement ps, List<Object> args) throws SQLException {
        return bind(con, ps, args, 1);
    }

    /** Binds the scope's arguments (arrays as SQL arrays) from position {@code first}; returns the next position. */
    private static int bind(java.sql.Connection con, PreparedStatement ps, List<Object> args, int first)
            throws SQLException {
        int i = first;
        for (Object a : args) {
            if (a instanceof Long[] ids) {
                Array array = con.createArrayOf("bigint", ids);
                ps.setArray(i++, array);
            } else if (a instanceof String[] names) {
                ps.setArray(i++, con.createArrayOf("varchar", names));
            } else {
                ps.setObject(i++, a);
            }
        }
        return i;
    }
}
