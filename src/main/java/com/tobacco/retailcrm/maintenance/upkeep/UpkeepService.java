package com.tobacco.retailcrm.maintenance.upkeep;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.MaintenanceClass;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * 定期维护 — creates the upkeep tasks of the current period: each run creates only what is missing, so running a job
 * twice (or on two instances) changes nothing. Runs without a signed-in user (the archive then reads company-wide).
 */
@Service
public class UpkeepService {

    /** Reminders are raised this many days before a licence expires or an annual review is due (docs/domain/customer-archive.md). */
    static final int REMINDER_DAYS = 30;
    /** The monthly classification report is due on this day of the next month. */
    static final int REPORT_DAY = 3;
    private static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

    private final UpkeepStore store;
    private final AuditLog audit;
    private final CustomerArchive archive;
    private final CustomerFields fields;
    private final WorkingCalendar calendar;
    private final Messages messages;
    private final Clock clock;

    UpkeepService(UpkeepStore store, CustomerArchive archive, CustomerFields fields, WorkingCalendar calendar,
                  Messages messages, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.archive = archive;
        this.fields = fields;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Runs one job now and answers how many tasks it created. It runs as the system, company-wide, whoever triggered
     * it (an admin's own data scope would hide the customers).
     */
    public int run(UpkeepKind job) {
        SecurityContext caller = SecurityContextHolder.getContext();
        String who = caller.getAuthentication() == null ? "system" : caller.getAuthentication().getName();
        SecurityContextHolder.clearContext();
        int created;
        try {
            created = switch (job) {
                case HALF_YEAR_REVIEW -> halfYearReviews();
                case QUARTERLY_ADJUSTMENT -> quarterlyReminders();
                case LICENCE_EXPIRY, ANNUAL_REVIEW -> expiryReminders();
                case MONTHLY_CLASS_REPORT -> monthlyReport();
            };
        } finally {
            SecurityContextHolder.setContext(caller);
        }
        audit.record(AuditEntry.of("UPKEEP_RUN", "UPKEEP_JOB", job.name()).detail("created=" + created).as(who));
        return created;
    }

    /** 静态字段半年复核: a review task per ACTIVE customer for this half-year, due when the half-year ends. */
    int halfYearReviews() {
        LocalDate today = today();
        int half = today.getMonthValue() <= 6 ? 1 : 2;
        String period = today.getYear() + "-H" + half;
        Instant due = endOfDay(LocalDate.of(today.getYear(), half == 1 ? 6 : 12, half == 1 ? 30 : 31));
        String fieldsText = labels(MaintenanceClass.STATIC);
        Instant now = now();
        List<UpkeepTask> tasks = new ArrayList<>();
        activeCustomers(c -> tasks.add(customerTask(UpkeepKind.HALF_YEAR_REVIEW, c, period, now, due,
                messages.text("upkeep.detail.review", c.get("storeName"), fieldsText))));
        return store.insertMissing(tasks);
    }

    /** 季度调整提醒: one per customer manager for this quarter, naming the QUARTERLY fields; due when it ends. */
    int quarterlyReminders() {
        LocalDate today = today();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        String period = today.getYear() + "-Q" + quarter;
        Instant due = endOfDay(YearMonth.of(today.getYear(), quarter * 3).atEndOfMonth());
        Map<String, Integer> customersByManager = new TreeMap<>();
        activeCustomers(c -> {
            if (c.get("customerManager") instanceof String manager) {
                customersByManager.merge(manager, 1, Integer::sum);
            }
        });
        String fieldsText = labels(MaintenanceClass.QUARTERLY);
        Instant now = now();
        List<UpkeepTask> tasks = new ArrayList<>();
        customersByManager.forEach((manager, count) -> tasks.add(new UpkeepTask(0, UpkeepKind.QUARTERLY_ADJUSTMENT,
                manager, period, null, manager, null, messages.text("upkeep.detail.quarterly", count, fieldsText), now,
                due, null, null, null)));
        return store.insertMissing(tasks);
    }

    /**
     * 许可证到期/年审提醒: for each ACTIVE customer whose licence expires, or whose annual review falls, within the next
     * 30 days: one task per date (a renewed licence with a new date gets a new reminder), due on that date.
     */
    int expiryReminders() {
        LocalDate today = today();
        LocalDate horizon = today.plusDays(REMINDER_DAYS);
        Instant now = now();
        List<UpkeepTask> tasks = new ArrayList<>();
        activeCustomers(c -> {
            remind(c, "licenceExpiryDate", UpkeepKind.LICENCE_EXPIRY, "upkeep.detail.licence", today, horizon, now, tasks);
            remind(c, "annualReviewDate", UpkeepKind.ANNUAL_REVIEW, "upkeep.detail.annualReview", today, horizon, now, tasks);
        });
        return store.insertMissing(tasks);
    }

    private void remind(CustomerRecord c, String field, UpkeepKind kind, String detailKey, LocalDate today,
                        LocalDate horizon, Instant now, List<UpkeepTask> tasks) {
        if (c.get(field) instanceof LocalDate date && !date.isBefore(today) && !date.isAfter(horizon)) {
            tasks.add(customerTask(kind, c, date.toString(), now, date.atStartOfDay(zone()).toInstant(),
                    messages.text(detailKey, c.get("storeName"), date)));
        }
    }

    /** 零售客户类别调整情况表: last month's report for the market department, due on the 3rd of this month. */
    int monthlyReport() {
        LocalDate today = today();
        YearMonth reported = YearMonth.from(today).minusMonths(1);
        Instant due = endOfDay(YearMonth.from(today).atDay(REPORT_DAY));
        return store.insertMissing(List.of(new UpkeepTask(0, UpkeepKind.MONTHLY_CLASS_REPORT, Role.MARKET_DEPT.name(),
                reported.toString(), null, null, Role.MARKET_DEPT.name(),
                messages.text("upkeep.detail.monthlyReport", reported.getYear(), reported.getMonthValue()), now(), due,
                null, null, null)));
    }

    /** A task about one customer for its manager; a customer without a manager goes to the market department. */
    private static UpkeepTask customerTask(UpkeepKind kind, CustomerRecord c, String period, Instant now, Instant due,
                                           String detail) {
        String manager = c.get("customerManager") instanceof String m ? m : null;
        return new UpkeepTask(0, kind, c.customerCode(), period, c.customerCode(), manager,
                manager == null ? Role.MARKET_DEPT.name() : null, detail, now, due, null, null, null);
    }

    private void activeCustomers(Consumer<CustomerRecord> each) {
        archive.forEach(new CustomerQuery(null, null, null, "ACTIVE", null, null, null, Map.of()), each);
    }

    private String labels(MaintenanceClass maintenance) {
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        return String.join("、", fields.all().stream().filter(f -> f.maintenance() == maintenance)
                .map((FieldDefinition f) -> f.label(locale)).toList());
    }

    private Instant endOfDay(LocalDate date) {
        return date.atTime(END_OF_DAY).atZone(zone()).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private ZoneId zone() {
        return calendar.zone();
    }
}
