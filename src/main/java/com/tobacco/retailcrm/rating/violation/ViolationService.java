package com.tobacco.retailcrm.rating.violation;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.rating.CustomerRows;
import com.tobacco.retailcrm.rating.Input;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 违规记录服务 — records and corrects violations of customers within the officer's data scope and keeps the archive's
 * {@code lawAbidingStatus} as {@link LawAbidingStatus#of} gives it, written with history source
 * {@code VIOLATIONS:<id>} in the same transaction (a violation is never saved without its status).
 */
@Service
public class ViolationService {

    private final ViolationStore store;
    private final AuditLog audit;
    private final CustomerArchive archive;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final CrmProperties properties;
    private final Clock clock;

    ViolationService(ViolationStore store, CustomerArchive archive, OrgDirectory org, UserDirectory users,
                     CrmProperties properties, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.archive = archive;
        this.org = org;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** What an officer records; dates {@code YYYY-MM-DD}, type MINOR or SERIOUS. */
    public record RecordCommand(String customerCode, String occurredOn, String type, String description,
                                Boolean corrected, String correctedOn) {
    }

    @Transactional
    public Violation record(RecordCommand c) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = Input.text("customerCode", c.customerCode(), 20, problems);
        LocalDate occurredOn = Input.date("occurredOn", c.occurredOn(), true, problems);
        ViolationType type = Input.code("type", c.type(), ViolationType.class, true, problems);
        String description = Input.text("description", c.description(), 1000, problems);
        LocalDate correctedOn = Input.date("correctedOn", c.correctedOn(), false, problems);
        if (Boolean.TRUE.equals(c.corrected()) && correctedOn == null && problems.stream()
                .noneMatch(p -> p.field().equals("correctedOn"))) {
            problems.add(new FieldProblem("correctedOn", "{rating.violation.error.correctedOnRequired}"));
        }
        if (Boolean.FALSE.equals(c.corrected()) && correctedOn != null) {
            problems.add(new FieldProblem("corrected", "{rating.violation.error.correctedFlag}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Violation.checkDates(occurredOn, correctedOn, today());
        CustomerRecord customer = customer(code);
        CurrentUser me = CurrentUsers.require();
        Violation draft = new Violation(0, code, countyId(customer), (String) customer.get("customerManager"),
                occurredOn, type, description, correctedOn != null, correctedOn, me.username(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), 0);
        long id = store.insert(draft);
        refreshStatus(code, id);
        audit.record(new AuditEntry("VIOLATION_RECORDED", "VIOLATION", String.valueOf(id), code,
                com.tobacco.retailcrm.audit.api.AuditOutcome.SUCCESS, "type=" + type, null));
        return store.find(id, false).orElseThrow();
    }

    /** Records that the retailer corrected the violation (整改) on a day; {@code version} null skips the stale check. */
    @Transactional
    public Violation correct(long id, String correctedOn, Long version) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate on = Input.date("correctedOn", correctedOn, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Violation v = visible(id, true);
        if (version != null && version != v.version()) {
            throw new ConflictException("version", "rating.error.stale");
        }
        if (!store.saveCorrection(v.correct(on, today()))) {
            throw new ConflictException("version", "rating.error.stale");
        }
        refreshStatus(v.customerCode(), id);
        audit.record(new AuditEntry("VIOLATION_CORRECTED", "VIOLATION", String.valueOf(id), v.customerCode(),
                com.tobacco.retailcrm.audit.api.AuditOutcome.SUCCESS, "correctedOn=" + on, null));
        return store.find(id, false).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Violation get(long id) {
        return visible(id, false);
    }

    /**
     * Violations newest first: of one customer (404 when outside the caller's scope), or of every customer within
     * the caller's data scope (as it was when each was recorded).
     */
    @Transactional(readOnly = true)
    public PageResponse<Violation> list(String customerCode, String type, PageQuery page) {
        List<FieldProblem> problems = new ArrayList<>();
        ViolationType t = Input.code("type", type, ViolationType.class, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CustomerRows rows = CustomerRows.of("v", customerCode, archive, users)
                .and("v.type = ?", t == null ? null : t.name());
        return store.page(rows.where(), rows.args(), page);
    }

    /** The status the rule gives the customer today (for pages that show it beside the list). */
    @Transactional(readOnly = true)
    public LawAbidingStatus statusOf(String customerCode) {
        return LawAbidingStatus.of(store.facts(customerCode), today());
    }

    /**
     * Recomputes the status of customers whose oldest counted violation stops counting today (the daily job): runs
     * as the system, so the whole archive is in reach.
     */
    @Transactional
    public int refreshExpired() {
        List<String> customers = store.customersWithViolationExpiringOn(today());
        customers.forEach(code -> refreshStatus(code, null));
        return customers.size();
    }

    private void refreshStatus(String code, Long violationId) {
        LawAbidingStatus status = LawAbidingStatus.of(store.facts(code), today());
        ChangeSource source = ChangeSource.of(ChangeSource.Kind.VIOLATIONS, violationId == null ? "expiry" : violationId);
        archive.applyChanges(code, Map.of("lawAbidingStatus", status.name()), null, source,
                violationId == null ? "违规记录满12个月" : null);
    }

    private Violation visible(long id, boolean lock) {
        Violation v = store.find(id, lock).orElseThrow(() -> new NotFoundException("rating.violation.error.notFound", id));
        if (archive.find(v.customerCode()).isEmpty()) {
            throw new NotFoundException("rating.violation.error.notFound", id);
        }
        return v;
    }

    private CustomerRecord customer(String code) {
        return archive.find(code).orElseThrow(() -> new NotFoundException("customer.error.notFound", code));
    }

    private Long countyId(CustomerRecord customer) {
        return customer.countyCode() == null ? null
                : org.findByCode(customer.countyCode()).map(OrgUnitRef::id).orElse(null);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
