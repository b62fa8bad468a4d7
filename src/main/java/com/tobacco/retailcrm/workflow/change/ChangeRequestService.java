package com.tobacco.retailcrm.workflow.change;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.customer.api.AppliedChanges;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.change.ChangeRequest.Case;
import com.tobacco.retailcrm.workflow.change.ChangeRequest.Status;
import com.tobacco.retailcrm.workflow.change.ChangeRequest.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 修改维护任务单服务 — raises change requests (validated as the archive would validate them, old values captured), moves
 * them step by step by the right people, applies them with history source {@code CHANGE_REQUEST:<id>} after checking
 * that nobody changed the same fields meanwhile, and ends them on rejection with the reason.
 */
@Service
public class ChangeRequestService {

    private final ChangeRequestStore store;
    private final StepAssignment assignment;
    private final StepLimits limits;
    private final CustomerArchive archive;
    private final CustomerFields fields;
    private final WorkingCalendar calendar;
    private final UserDirectory users;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final BulkApplier bulk;
    private final StaleCheck staleCheck;
    private final Clock clock;
    private final com.tobacco.retailcrm.customer.api.UploadedSheets sheets;

    ChangeRequestService(ChangeRequestStore store, StepAssignment assignment, StepLimits limits, CustomerArchive archive,
                         CustomerFields fields, WorkingCalendar calendar, UserDirectory users, Messages messages,
                         ApplicationEventPublisher events, BulkApplier bulk, StaleCheck staleCheck,
                         Clock clock, com.tobacco.retailcrm.customer.api.UploadedSheets sheets) {
        this.sheets = sheets;
        this.staleCheck = staleCheck;
        this.store = store;
        this.assignment = assignment;
        this.limits = limits;
        this.archive = archive;
        this.fields = fields;
        this.calendar = calendar;
        this.users = users;
        this.messages = messages;
        this.events = events;
        this.bulk = bulk;
        this.clock = clock;
    }

    /** What a requester asks for; values as JSON gave them (text, number, boolean or null to clear). */
    public record RaiseCommand(String customerCode, String type, Map<String, Object> changes, String reason) {
    }

    /** Raises a request for one customer and opens its first step. */
    @Transactional
    public Case raise(RaiseCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        ChangeType type = type(command.type(), problems);
        String reason = required("reason", command.reason(), 500, problems);
        String code = required("customerCode", command.customerCode(), 20, problems);
        Map<String, String> changes = ChangeValues.normalise(command.changes(), "changes", problems, messages);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CustomerRecord customer = archive.find(code).orElseThrow(() -> new NotFoundException("customer.error.notFound", code));
        problems.addAll(checkChanges(type, code, changes));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CurrentUser me = CurrentUsers.require();
        Long county = assignment.countyId(customer.countyCode()).orElse(null);
        Instant now = now();
        ChangeRequest draft = new ChangeRequest(0, type, Status.OPEN, code, county,
                (String) customer.get("customerManager"), me.username(), me.displayName(), reason, changes,
                ChangeValues.shown(customer, changes.keySet()), archive.fingerprints(code, changes.keySet()), null, null,
                now, null, 0);
        long id = store.insert(draft);
        ChangeRequest request = store.find(id, false).orElseThrow();
        openStep(request, type.route().get(0), 1, county, now);
        return load(id);
    }

    /**
     * Raises a BULK request from an .xlsx or .csv file: every row is checked as a single request would be (the customer exists,
     * the values are valid, no SYSTEM field); any problem refuses the whole file with every problem named by row and
     * field, so nothing half-raised is left. Old values and fingerprints are captured per row.
     */
    @Transactional
    public Case raiseBulk(String fileName, byte[] content, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = required("reason", reason, 500, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<BulkFile.Row> rows = BulkFile.read(fileName, content, sheets, fields, messages);
        List<ChangeRequest.BulkRow> checked = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (BulkFile.Row row : rows) {
            String at = "rows[" + row.rowNo() + "]";
            if (row.customerCode() == null || row.customerCode().isEmpty()) {
                problems.add(new FieldProblem(at + ".customerCode", messages.text("change.error.required")));
                continue;
            }
            if (!seen.add(row.customerCode())) {
                problems.add(new FieldProblem(at + ".customerCode", messages.text("change.error.bulk.duplicateRow",
                        row.customerCode())));
                continue;
            }
            var customer = archive.find(row.customerCode());
            if (customer.isEmpty()) {
                problems.add(new FieldProblem(at + ".customerCode", messages.text("change.error.bulk.unknownCustomer",
                        row.customerCode())));
                continue;
            }
            if (row.changes().isEmpty()) {
                problems.add(new FieldProblem(at, messages.text("change.error.noChanges")));
                continue;
            }
            checkChanges(ChangeType.BULK, row.customerCode(), row.changes())
                    .forEach(p -> problems.add(new FieldProblem(at + "." + p.field(), p.message())));
            checked.add(new ChangeRequest.BulkRow(row.rowNo(), row.customerCode(),
                    assignment.countyId(customer.get().countyCode()).orElse(null), row.changes(),
                    ChangeValues.shown(customer.get(), row.changes().keySet()),
                    archive.fingerprints(row.customerCode(), row.changes().keySet()), null, null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.size() > 200 ? problems.subList(0, 200) : problems);
        }
        CurrentUser me = CurrentUsers.require();
        Instant now = now();
        ChangeRequest draft = new ChangeRequest(0, ChangeType.BULK, Status.OPEN, null, null, null, me.username(),
                me.displayName(), why, Map.of(), Map.of(), Map.of(), null, fileName, now, null, 0);
        long id = store.insert(draft);
        store.addRows(id, checked);
        openStep(store.find(id, false).orElseThrow(), StepKey.BULK_APPROVE, 1, null, now);
        return load(id);
    }

    /** The problems of a change map for this customer: the archive's validation, then whether the type fits. */
    List<FieldProblem> checkChanges(ChangeType type, String code, Map<String, String> changes) {
        List<FieldProblem> problems = new ArrayList<>(archive.check(code, new LinkedHashMap<>(changes), null,
                ChangeSource.changeRequest(0)));
        Set<String> named = new LinkedHashSet<>();
        problems.forEach(p -> named.add(p.field()));
        for (String key : changes.keySet()) {
            if (named.contains(key)) {
                continue;
            }
            fields.find(key).flatMap(type::misfit).ifPresent(why -> problems.add(new FieldProblem(key,
                    messages.text(why, label(key), messages.text("change.type." + type.name())))));
        }
        return problems;
    }

    /** Completes the caller's open step of the request with an action (APPROVE, REJECT, DONE) and a comment. */
    @Transactional
    public Case complete(long id, String action, String comment) {
        ChangeRequest request = store.find(id, true).orElseThrow(() -> new NotFoundException("change.error.notFound", id));
        CurrentUser me = CurrentUsers.require();
        if (request.closed()) {
            throw new BusinessRuleException("change.error.closed", id);
        }
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        List<Step> open = store.steps(id).stream().filter(Step::open).toList();
        Step step = open.stream().filter(s -> assignment.mayAct(s, me, today)).findFirst()
                .orElseThrow(() -> new ForbiddenException("change.error.notYourStep", id));
        String act = action == null ? "" : action.trim().toUpperCase(java.util.Locale.ROOT);
        if (!step.key().kind().actions().contains(act)) {
            throw new InvalidInputException("action", messages.text("change.error.action",
                    String.join(", ", step.key().kind().actions())));
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("comment", messages.text("change.error.tooLong", 1000));
        }
        if (note == null && ("REJECT".equals(act) || step.key() == StepKey.CUSTOMER_NOTIFY)) {
            throw new InvalidInputException("comment", messages.text("REJECT".equals(act)
                    ? "change.error.rejectReason" : "change.error.noticeText"));
        }
        Instant now = now();
        if ("REJECT".equals(act)) {
            store.completeStep(step.id(), "REJECTED", act, note, me.username(), now);
            store.close(id, Status.REJECTED, note, now);
            events.publishEvent(new ChangeRequestDecided(id, request.requester(), Status.REJECTED.name(), note));
            return load(id);
        }
        if (step.key() == StepKey.BULK_APPROVE && request.requester().equals(me.username())) {
            throw new ForbiddenException("change.error.ownBulk");
        }
        forward(request, step, act, note, me, now);
        return load(id);
    }

    private void forward(ChangeRequest request, Step step, String act, String note, CurrentUser me, Instant now) {
        long id = request.id();
        if (step.key() == StepKey.MARKET_APPLY) {
            apply(request);
        }
        if (step.key() == StepKey.CUSTOMER_NOTIFY) {
            store.addNotice(id, new ChangeRequest.Notice(request.customerCode(), note, me.username(), now));
        }
        store.completeStep(step.id(), "DONE", act, note, me.username(), now);
        if (step.key() == StepKey.BULK_APPROVE) {
            Set<Long> counties = bulk.apply(request, store.rows(id));
            store.status(id, Status.APPLIED);
            int seq = step.seq() + 1;
            for (Long county : counties) {
                openStep(request, StepKey.COUNTY_REVIEW, seq, county, now);
            }
            if (counties.isEmpty()) {
                finish(request, now);
            }
            return;
        }
        if (step.key() == StepKey.COUNTY_REVIEW) {
            if (store.steps(id).stream().noneMatch(Step::open)) {
                finish(request, now);
            }
            return;
        }
        var next = request.type().after(step.key());
        if (next.isEmpty()) {
            finish(request, now);
            return;
        }
        if (step.key() == StepKey.MARKET_APPLY) {
            store.status(id, Status.APPLIED);
        }
        openStep(request, next.get(), step.seq() + 1, request.countyId(), now);
    }

    /**
     * Writes the request to the archive, refusing it when a field it changes was changed since it was raised (the
     * stored value's fingerprint differs from the one captured then). Changes to other fields do not block it.
     */
    private void apply(ChangeRequest request) {
        List<String> stale = staleCheck.staleFields(request.customerCode(), request.fingerprints());
        if (!stale.isEmpty()) {
            throw new BusinessRuleException("change.error.stale", request.id(),
                    String.join("、", stale.stream().map(this::label).toList()));
        }
        AppliedChanges applied = archive.applyChanges(request.customerCode(), new LinkedHashMap<>(request.changes()),
                null, ChangeSource.changeRequest(request.id()), request.reason());
        Objects.requireNonNull(applied);
    }

    private void finish(ChangeRequest request, Instant now) {
        store.close(request.id(), Status.COMPLETED, null, now);
        events.publishEvent(new ChangeRequestDecided(request.id(), request.requester(), Status.COMPLETED.name(), null));
    }

    void openStep(ChangeRequest request, StepKey key, int seq, Long county, Instant now) {
        StepAssignment.Candidate who = assignment.resolve(key, request, county);
        StepLimits.Limit limit = limits.of(request.type(), key);
        Instant due = calendar.due(now, limit.amount(), limit.unit());
        store.addStep(new Step(0, request.id(), seq, key, who.role() == null ? null : who.role().name(), who.unit(),
                who.assignee(), now, due, "OPEN", null, null, null, null));
    }

    /** The requests with an open step the user may act on (their own, their role's, or as AB岗 backup by name). */
    List<Case> waitingFor(CurrentUser me) {
        return store.waitingFor(me.username(), me.roles().stream().map(Role::name).toArray(String[]::new),
                assignment.countyOf(me).orElse(-1L)).stream().map(this::load).toList();
    }

    /**
     * The unfinished requests within the user's oversight, for the supervision list: all for the market department
     * and leaders; otherwise those whose customer is in the user's data scope, and bulk files with a review step in
     * the user's county. At most {@link PageQuery#MAX_SIZE}, oldest first (the most urgent).
     */
    List<Case> unfinishedInScope(CurrentUser me) {
        StringBuilder where = new StringBuilder("r.status in ('OPEN', 'APPLIED')");
        List<Object> args = new ArrayList<>();
        if (!me.has(Role.MARKET_DEPT) && !me.has(Role.LEADER)) {
            DataScope scope = users.scopeOf(me);
            DataScope.SqlPredicate customers = scope.toSql("r.customer_manager", "r.county_id");
            where.append(" and ((").append(customers.sql()).append(")");
            args.addAll(customers.args());
            if (scope.kind() == DataScope.Kind.COUNTY) {
                where.append(" or exists (select 1 from change_request_step s where s.request_id = r.id"
                        + " and s.status = 'OPEN' and s.candidate_unit = any(?))");
                args.add(scope.orgUnitIds().toArray(Long[]::new));
            }
            where.append(")");
        }
        return store.list(where.toString(), args, 0, PageQuery.MAX_SIZE).stream().map(r -> load(r.id())).toList();
    }

    boolean mayAct(Step step, CurrentUser me) {
        return assignment.mayAct(step, me, LocalDate.now(clock.withZone(calendar.zone())));
    }

    /** The open step of the request the signed-in user may act on now, if any (the page shows its actions). */
    @Transactional(readOnly = true)
    public java.util.Optional<Step> myOpenStep(long id) {
        CurrentUser me = CurrentUsers.require();
        String requester = store.find(id, false).map(ChangeRequest::requester).orElse(null);
        return store.steps(id).stream().filter(Step::open).filter(s -> mayAct(s, me))
                .filter(s -> !ownBulk(s, requester, me)).findFirst();
    }

    /** The uploader of a bulk file never approves it (four eyes); their step is not in their to-do. */
    static boolean ownBulk(Step step, String requester, CurrentUser me) {
        return step.key() == StepKey.BULK_APPROVE && me.username().equals(requester);
    }

    /** A request the caller may see: the requester, the market department and leaders, whoever acts on one of its steps, or anyone whose data scope holds the customer. */
    @Transactional(readOnly = true)
    public Case get(long id) {
        Case c = load(id);
        if (!visible(c, CurrentUsers.require())) {
            throw new NotFoundException("change.error.notFound", id);
        }
        return c;
    }

    private boolean visible(Case c, CurrentUser me) {
        ChangeRequest r = c.request();
        if (r.requester().equals(me.username()) || me.has(Role.MARKET_DEPT) || me.has(Role.LEADER)) {
            return true;
        }
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        if (c.steps().stream().anyMatch(s -> assignment.mayAct(s, me, today) || me.username().equals(s.completedBy()))) {
            return true;
        }
        return r.customerCode() != null && users.scopeOf(me).includes(r.customerManager(), r.countyId());
    }

    Case load(long id) {
        ChangeRequest r = store.find(id, false).orElseThrow(() -> new NotFoundException("change.error.notFound", id));
        return new Case(r, store.steps(id), r.type() == ChangeType.BULK ? store.rows(id) : List.of(), store.notices(id));
    }

    /**
     * Requests newest first: {@code mine} those I raised; {@code waiting} those with an open step I may act on;
     * otherwise those within my data scope (all for the market department and leaders).
     */
    @Transactional(readOnly = true)
    public PageResponse<Case> list(boolean mine, boolean waiting, String status, String customerCode, PageQuery page) {
        CurrentUser me = CurrentUsers.require();
        StringBuilder where = new StringBuilder("true");
        List<Object> args = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            where.append(" and r.status = ?");
            args.add(status(status).name());
        }
        if (customerCode != null && !customerCode.isBlank()) {
            where.append(" and r.customer_code = ?");
            args.add(customerCode.trim());
        }
        if (mine) {
            where.append(" and r.requester = ?");
            args.add(me.username());
        }
        if (waiting) {
            where.append(" and exists (select 1 from change_request_step s where s.request_id = r.id and s.status = 'OPEN'"
                    + " and (s.assignee = ? or (s.candidate_role = any (?) and (s.candidate_unit is null or s.candidate_unit = ?))))");
            args.add(me.username());
            args.add(me.roles().stream().map(Role::name).toArray(String[]::new));
            args.add(assignment.countyOf(me).orElse(-1L));
        } else if (!mine && !me.has(Role.MARKET_DEPT) && !me.has(Role.LEADER)) {
            DataScope.SqlPredicate scope = users.scopeOf(me).toSql("r.customer_manager", "r.county_id");
            where.append(" and (r.requester = ? or (").append(scope.sql()).append("))");
            args.add(me.username());
            args.addAll(scope.args());
        }
        long total = store.count(where.toString(), args);
        List<Case> items = store.list(where.toString(), args, (int) page.offset(), page.size()).stream()
                .map(r -> load(r.id())).toList();
        return new PageResponse<>(items, total, page.page(), page.size());
    }

    /** Now to the whole second: the working calendar counts a limit from its start's whole second. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The field's label in the caller's language (the key when the dictionary does not know it). */
    String label(String key) {
        return fields.find(key).map(f -> f.label(org.springframework.context.i18n.LocaleContextHolder.getLocale()))
                .orElse(key);
    }

    /** Fields the signed-in user may change only through a request on this customer (the form offers these). */
    @Transactional(readOnly = true)
    public List<FieldDefinition> requestableFields(String customerCode) {
        Set<String> direct = archive.directlyEditable(customerCode);
        return fields.all().stream().filter(f -> !f.system() && !direct.contains(f.key()))
                .filter(f -> ChangeType.URGENT.misfit(f).isEmpty()).toList();
    }

    private Status status(String text) {
        try {
            return Status.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", messages.text("change.error.status"));
        }
    }

    private ChangeType type(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("type", messages.text("change.error.type")));
            return null;
        }
        try {
            ChangeType type = ChangeType.valueOf(text.trim());
            if (type == ChangeType.BULK) {
                problems.add(new FieldProblem("type", messages.text("change.error.bulkThroughFile")));
            }
            return type;
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("type", messages.text("change.error.type")));
            return null;
        }
    }

    String required(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, messages.text("change.error.required")));
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, messages.text("change.error.tooLong", max)));
        }
        return value.strip();
    }
}
