package com.tobacco.retailcrm.service.suspension;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 服务暂停服务 — announces a suspension to the ACTIVE customers in its scope (recorded as they were then, each with
 * the manager's call mark), shows what is suspended for a customer while it is in force, and on its end gives the
 * manager of each key customer a make-up supply (临时补货) to-do due in one working day.
 */
@Service
public class SuspensionService {

    private final SuspensionStore store;
    private final CustomerArchive archive;
    private final OrgDirectory orgs;
    private final UserDirectory users;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    SuspensionService(SuspensionStore store, CustomerArchive archive, OrgDirectory orgs, UserDirectory users,
                      WorkingCalendar calendar, AuditLog audit, Clock clock) {
        this.store = store;
        this.archive = archive;
        this.orgs = orgs;
        this.users = users;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    public record AnnounceCommand(String cause, List<String> countyCodes, List<String> orgUnitCodes,
                                  List<String> deliveryRoutes, String from, String to, List<String> services,
                                  String notice, Boolean cashSettlement) {
    }

    /** Announces a suspension; bad input is a 400 naming every field, nothing is saved then. */
    @Transactional
    public Suspension announce(AnnounceCommand c) {
        List<FieldProblem> problems = new ArrayList<>();
        Suspension.Cause cause = parse(Suspension.Cause.class, c.cause(), "cause", problems);
        List<String> counties = clean(c.countyCodes());
        List<String> units = clean(c.orgUnitCodes());
        List<String> routes = clean(c.deliveryRoutes());
        if (counties.isEmpty() && units.isEmpty() && routes.isEmpty()) {
            problems.add(new FieldProblem("scope", "{suspension.error.scope}"));
        }
        counties.stream().filter(code -> orgs.findByCode(code).isEmpty()).findFirst()
                .ifPresent(code -> problems.add(new FieldProblem("scope.countyCodes", "{suspension.error.unknownUnit}")));
        units.stream().filter(code -> orgs.findByCode(code).isEmpty()).findFirst()
                .ifPresent(code -> problems.add(new FieldProblem("scope.orgUnitCodes", "{suspension.error.unknownUnit}")));
        Instant from = instant(c.from(), "from", true, problems);
        Instant to = instant(c.to(), "to", false, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "{suspension.error.toBeforeFrom}"));
        }
        List<Suspension.SuspendedService> services = new ArrayList<>();
        if (c.services() == null || c.services().isEmpty()) {
            problems.add(new FieldProblem("services", "{suspension.error.required}"));
        } else {
            for (String s : new LinkedHashSet<>(c.services())) {
                Suspension.SuspendedService parsed = parse(Suspension.SuspendedService.class, s, "services", problems);
                if (parsed != null) {
                    services.add(parsed);
                }
            }
        }
        String notice = c.notice() == null ? "" : c.notice().strip();
        if (notice.isEmpty() || notice.length() > 1000) {
            problems.add(new FieldProblem("notice", "{suspension.error.notice}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CurrentUser me = CurrentUsers.require();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Suspension draft = new Suspension(0, cause, counties, units, routes, services, from, to, notice,
                Boolean.TRUE.equals(c.cashSettlement()), Suspension.Status.ACTIVE, me.username(), now, null, null, 0);
        List<SuspensionStore.Affected> affected = affected(counties, units, routes);
        long id = store.insert(draft, affected);
        audit.record(AuditEntry.of("SERVICE_SUSPENSION_ANNOUNCED", "SERVICE_SUSPENSION", String.valueOf(id))
                .detail(services + " " + affected.size() + " customers"));
        return store.find(id, false).orElseThrow();
    }

    /** The ACTIVE customers in any part of the scope: a listed county, under a listed org unit, on a listed route. */
    private List<SuspensionStore.Affected> affected(List<String> counties, List<String> units, List<String> routes) {
        Set<Long> unitIds = new HashSet<>();
        units.forEach(code -> orgs.findByCode(code).ifPresent(u -> unitIds.addAll(orgs.subtreeIds(u.id()))));
        Set<String> countyCodes = new HashSet<>(counties);
        Map<String, Long> managerUnit = new LinkedHashMap<>();
        Map<String, SuspensionStore.Affected> found = new LinkedHashMap<>();
        archive.forEach(new CustomerQuery(null, null, null, "ACTIVE", null, null, null, Map.of()), r -> {
            String manager = (String) r.get("customerManager");
            Long countyId = orgs.findByCode(r.countyCode()).map(OrgUnitRef::id).orElse(null);
            Long managerUnitId = manager == null ? null : managerUnit.computeIfAbsent(manager,
                    m -> users.find(m).map(UserRef::orgUnitId).orElse(-1L));
            boolean inScope = countyCodes.contains(r.countyCode())
                    || (countyId != null && unitIds.contains(countyId))
                    || (managerUnitId != null && unitIds.contains(managerUnitId))
                    || routes.contains(String.valueOf(r.get("deliveryRoute")));
            if (inScope) {
                found.put(r.customerCode(), new SuspensionStore.Affected(r.customerCode(), (String) r.get("storeName"),
                        r.countyCode(), manager, Suspension.keyCustomer(r.get("businessScale"), r.get("groupCustomer")),
                        false, null, null));
            }
        });
        return new ArrayList<>(found.values());
    }

    @Transactional(readOnly = true)
    public Suspension get(long id) {
        return store.find(id, false).orElseThrow(() -> new NotFoundException("suspension.error.notFound", id));
    }

    @Transactional(readOnly = true)
    public List<Suspension> list() {
        return store.list(200);
    }

    /** The affected customers: all of them for the departments, a manager's (or their team's) own otherwise. */
    @Transactional(readOnly = true)
    public List<SuspensionStore.Affected> customers(long id) {
        get(id);
        CurrentUser me = CurrentUsers.require();
        List<SuspensionStore.Affected> all = store.customers(id);
        if (companyWide(me)) {
            return all;
        }
        var scope = users.scopeOf(me);
        return all.stream().filter(a -> scope.includes(a.customerManager(),
                orgs.findByCode(a.countyCode()).map(OrgUnitRef::id).orElse(null))).toList();
    }

    /** The manager marks the call made (the customer's own manager or one above them); 404 for a customer not reached. */
    @Transactional
    public SuspensionStore.Affected markNotified(long id, String customerCode) {
        get(id);
        CurrentUser me = CurrentUsers.require();
        SuspensionStore.Affected a = store.customers(id).stream().filter(c -> c.customerCode().equals(customerCode))
                .findFirst().orElseThrow(() -> new NotFoundException("suspension.error.notAffected", customerCode));
        Long countyId = orgs.findByCode(a.countyCode()).map(OrgUnitRef::id).orElse(null);
        boolean own = me.username().equals(a.customerManager()) || ((me.has(Role.MARKET_MANAGER)
                || me.has(Role.COUNTY_HEAD)) && users.scopeOf(me).includes(a.customerManager(), countyId));
        if (!own) {
            throw new ForbiddenException("suspension.error.notYourCustomer", customerCode);
        }
        if (store.markNotified(id, customerCode, me.username(), clock.instant())) {
            audit.record(AuditEntry.customer("SERVICE_SUSPENSION_NOTIFIED", customerCode).detail("suspension " + id));
        }
        return store.customers(id).stream().filter(c -> c.customerCode().equals(customerCode)).findFirst().orElseThrow();
    }

    /** Ends it (ENDED; 422 when it already was) and gives each key customer's manager a make-up supply to-do. */
    @Transactional
    public Suspension end(long id, String at, Long version) {
        Suspension s = store.find(id, true).orElseThrow(() -> new NotFoundException("suspension.error.notFound", id));
        List<FieldProblem> problems = new ArrayList<>();
        Instant when = at == null || at.isBlank() ? clock.instant().truncatedTo(ChronoUnit.SECONDS)
                : instant(at, "at", true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (when.isBefore(s.from())) {
            throw new InvalidInputException("at", "{suspension.error.endBeforeFrom}");
        }
        if (s.status() == Suspension.Status.ENDED) {
            throw new BusinessRuleException("suspension.error.ended", id);
        }
        if (!store.end(id, version, CurrentUsers.require().username(), when)) {
            throw new ConflictException("version", "suspension.error.stale");
        }
        Instant now = clock.instant();
        Instant due = calendar.due(now, BigDecimal.ONE, WorkTimeUnit.WORKING_DAY);
        long tasks = store.customers(id).stream().filter(SuspensionStore.Affected::keyCustomer)
                .filter(a -> a.customerManager() != null).peek(a -> store.addMakeUp(id, a, now, due)).count();
        audit.record(AuditEntry.of("SERVICE_SUSPENSION_ENDED", "SERVICE_SUSPENSION", String.valueOf(id))
                .detail(tasks + " make-up supply to-dos"));
        return store.find(id, false).orElseThrow();
    }

    /** What is suspended for the customer now (empty when nothing is). */
    @Transactional(readOnly = true)
    public List<Suspension> inForceFor(String customerCode) {
        Instant now = clock.instant();
        return store.activeFor(customerCode).stream().filter(s -> s.inForce(now)).toList();
    }

    @Transactional(readOnly = true)
    public List<SuspensionStore.MakeUp> makeUps(long id) {
        return store.makeUps(id);
    }

    static boolean companyWide(CurrentUser me) {
        return me.has(Role.MARKET_DEPT) || me.has(Role.DISTRIBUTION_DEPT) || me.has(Role.LEADER)
                || me.has(Role.SALES_DEPT) || me.has(Role.SERVICE_HEAD);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim)
                .distinct().toList();
    }

    /** An instant with offset, or a date (its start in the company's zone). */
    private Instant instant(String text, String field, boolean required, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "{suspension.error.required}"));
            }
            return null;
        }
        try {
            return text.trim().length() == 10 ? LocalDate.parse(text.trim()).atStartOfDay(calendar.zone()).toInstant()
                    : OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "{suspension.error.instant}"));
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "{suspension.error.required}"));
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "{suspension.error.enum}"));
            return null;
        }
    }

}
