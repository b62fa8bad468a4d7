package com.tobacco.retailcrm.service.supply;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.rating.api.LawAbiding;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.workflow.api.StartCase;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskView;
import com.tobacco.retailcrm.workflow.api.TrailEntry;
import com.tobacco.retailcrm.workflow.api.Workflows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 应急货源报批服务 — the brand catalogue, the approval threshold, and requests raised by a customer's manager, checked
 * against the eligibility rules and run as a workflow case whose route the quantity (or 特殊情况) decides; the final
 * approval fixes the supply date.
 */
@Service
public class EmergencySupplyService {

    static final String CASE_TYPE = "EMERGENCY_SUPPLY";
    /** Whoever sees every request: the approvers and the departments that supply. */
    private static final Set<Role> COMPANY_READERS = Set.of(Role.SERVICE_HEAD, Role.MARKETING_DEPUTY, Role.MARKET_DEPT,
            Role.SALES_DEPT, Role.LEADER);
    private static final Pattern BRAND_CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_LINES = 20;
    private static final BigDecimal MAX_QTY = BigDecimal.valueOf(100_000);

    private final SupplyStore store;
    private final CustomerArchive archive;
    private final LawAbiding lawAbiding;
    private final OrgDirectory orgs;
    private final UserDirectory users;
    private final Workflows workflows;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final SupplyProperties properties;
    private final Clock clock;
    private final com.tobacco.retailcrm.workflow.api.WorkflowClock workflowClock;

    EmergencySupplyService(SupplyStore store, CustomerArchive archive, LawAbiding lawAbiding, OrgDirectory orgs,
                           UserDirectory users, Workflows workflows, WorkingCalendar calendar, AuditLog audit,
                           SupplyProperties properties, Clock clock,
                           com.tobacco.retailcrm.workflow.api.WorkflowClock workflowClock) {
        this.workflowClock = workflowClock;
        this.store = store;
        this.archive = archive;
        this.lawAbiding = lawAbiding;
        this.orgs = orgs;
        this.users = users;
        this.workflows = workflows;
        this.calendar = calendar;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- brands and threshold ----

    @Transactional(readOnly = true)
    public List<Brand> brands() {
        return store.brands();
    }

    @Transactional
    public Brand addBrand(String code, String name, String supplyClass) {
        List<FieldProblem> problems = new ArrayList<>();
        if (code == null || !BRAND_CODE.matcher(code.trim()).matches()) {
            problems.add(new FieldProblem("code", "{supply.error.brandCode}"));
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            problems.add(new FieldProblem("name", "{supply.error.brandName}"));
        }
        SupplyClass sc = parse(SupplyClass.class, supplyClass, "supplyClass", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Brand brand = new Brand(code.trim(), name.strip(), sc, 0);
        if (!store.insertBrand(brand, me().username(), clock.instant())) {
            throw new ConflictException("code", "supply.error.brandExists", brand.code());
        }
        audit.record(AuditEntry.of("SUPPLY_BRAND_ADDED", "SUPPLY_BRAND", brand.code())
                .detail(brand.name() + " " + sc.name()));
        return brand;
    }

    /** 客服部主任审批上限（条） and its version. */
    @Transactional(readOnly = true)
    public long[] threshold() {
        return store.threshold();
    }

    @Transactional
    public long[] setThreshold(Object serviceHeadMaxQty, Long version) {
        BigDecimal qty = number(serviceHeadMaxQty);
        if (qty == null || qty.signum() <= 0 || !whole(qty) || qty.compareTo(MAX_QTY) > 0) {
            throw new InvalidInputException("serviceHeadMaxQty", "{supply.error.threshold}");
        }
        long before = store.threshold()[0];
        if (!store.updateThreshold(qty.intValueExact(), version, me().username(), clock.instant())) {
            throw new ConflictException("version", "supply.error.stale");
        }
        audit.record(AuditEntry.of("SUPPLY_THRESHOLD_SET", "SETTING", "emergency-supply")
                .detail("serviceHeadMaxQty " + before + " -> " + qty.intValueExact()));
        return store.threshold();
    }

    // ---- requests ----

    public record LineCommand(String brandCode, Object qty) {
    }

    public record RaiseCommand(String customerCode, String reason, String eventDate, List<LineCommand> lines,
                               Boolean special, String note) {
    }

    /**
     * Raises a request for one of the caller's own customers: bad input 400 (every field at once), an unknown
     * customer 400, someone else's customer 403, an ineligible customer or a SCARCE/CONTROLLED brand 422 naming the
     * rule. Nothing is written unless the case starts.
     */
    @Transactional
    public SupplyRequest raise(RaiseCommand c) {
        List<FieldProblem> problems = new ArrayList<>();
        SupplyReason reason = parse(SupplyReason.class, c.reason(), "reason", problems);
        LocalDate eventDate = date(c.eventDate(), "eventDate", problems);
        String note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
        if (note != null && note.length() > 500) {
            problems.add(new FieldProblem("note", "{supply.error.noteTooLong}"));
        }
        List<SupplyRequest.Line> lines = lines(c.lines(), problems);
        if (c.customerCode() == null || c.customerCode().isBlank()) {
            problems.add(new FieldProblem("customerCode", "{supply.error.required}"));
        }
        Optional<CustomerRecord> found = c.customerCode() == null || c.customerCode().isBlank() ? Optional.empty()
                : archive.find(c.customerCode().trim());
        if (c.customerCode() != null && !c.customerCode().isBlank() && found.isEmpty()) {
            problems.add(new FieldProblem("customerCode", "{supply.error.unknownCustomer}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CustomerRecord customer = found.get();
        CurrentUser me = me();
        String manager = (String) customer.get("customerManager");
        if (!me.username().equals(manager)) {
            throw new ForbiddenException("supply.error.notYourCustomer", customer.customerCode());
        }
        new Eligibility((String) customer.get("status"), lawAbiding.isLawAbiding(customer.customerCode()),
                (Boolean) customer.get("markedPrices")).refusal().ifPresent(rule -> {
                    throw new BusinessRuleException(rule, customer.customerCode());
                });
        lines.stream().filter(l -> !l.supplyClass().allowedInEmergency()).findFirst().ifPresent(l -> {
            throw new BusinessRuleException("supply.rule.generalBrandsOnly." + l.supplyClass(), l.brandName());
        });
        BigDecimal total = SupplyStore.total(lines);
        boolean special = Boolean.TRUE.equals(c.special());
        ApprovalRoute route = ApprovalRoute.of(special, total, (int) store.threshold()[0]);
        // the engine's now, so that a request dated "as of" an earlier time (demo data) agrees with its tasks' times
        Instant now = workflowClock.now().truncatedTo(ChronoUnit.SECONDS);
        Long countyId = orgs.findByCode(customer.countyCode()).map(OrgUnitRef::id).orElse(null);
        String storeName = (String) customer.get("storeName");
        long id = workflows.start(new StartCase(CASE_TYPE, CASE_TYPE, "应急货源 " + storeName,
                countyId != null ? countyId : me.orgUnitId(), customer.customerCode(), Map.of(),
                variables(route, manager))).id();
        String number = store.nextNumber(YearMonth.from(now.atZone(calendar.zone())).toString().replace("-", ""));
        SupplyRequest request = new SupplyRequest(id, number, customer.customerCode(), storeName,
                customer.countyCode(), countyId, manager, reason, eventDate, special, note, total, route,
                RequestStatus.PENDING, me.username(), now, null, null, null, 0, lines);
        store.insert(request);
        audit.record(new AuditEntry("SUPPLY_REQUEST_RAISED", "EMERGENCY_SUPPLY", String.valueOf(id),
                customer.customerCode(), com.tobacco.retailcrm.audit.api.AuditOutcome.SUCCESS,
                number + " " + Quantities.plain(total) + "条 " + route.name(), null));
        return request;
    }

    private Map<String, Object> variables(ApprovalRoute route, String manager) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("route", route.name());
        variables.put("marketManager", users.find(manager).map(UserRef::supervisor).flatMap(users::find)
                .filter(u -> u.roles().contains(Role.MARKET_MANAGER)).map(UserRef::username).orElse(null));
        for (String step : List.of("SERVICE_HEAD_APPROVE", "MARKET_MANAGER_REVIEW", "DEPUTY_APPROVE")) {
            variables.put("limit_" + step, properties.stepLimit());
        }
        return variables;
    }

    private List<SupplyRequest.Line> lines(List<LineCommand> given, List<FieldProblem> problems) {
        if (given == null || given.isEmpty()) {
            problems.add(new FieldProblem("lines", "{supply.error.noLines}"));
            return List.of();
        }
        if (given.size() > MAX_LINES) {
            problems.add(new FieldProblem("lines", "{supply.error.tooManyLines}"));
            return List.of();
        }
        List<SupplyRequest.Line> lines = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            LineCommand l = given.get(i);
            String at = "lines[" + i + "].";
            Optional<Brand> brand = l == null || l.brandCode() == null ? Optional.empty() : store.brand(l.brandCode().trim());
            if (brand.isEmpty()) {
                problems.add(new FieldProblem(at + "brandCode", "{supply.error.unknownBrand}"));
            } else if (!seen.add(brand.get().code())) {
                problems.add(new FieldProblem(at + "brandCode", "{supply.error.duplicateBrand}"));
            }
            BigDecimal qty = l == null ? null : number(l.qty());
            boolean qtyValid = qty != null && qty.signum() > 0 && whole(qty) && qty.compareTo(MAX_QTY) <= 0;
            if (!qtyValid) {
                problems.add(new FieldProblem(at + "qty", "{supply.error.qty}"));
            } else if (brand.isPresent()) {
                lines.add(new SupplyRequest.Line(i + 1, brand.get().code(), brand.get().name(),
                        brand.get().supplyClass(), qty.setScale(0, java.math.RoundingMode.UNNECESSARY)));
            }
        }
        return lines;
    }

    /**
     * Approves or rejects the step the request waits for, as the signed-in user: only the role it waits for (403
     * otherwise, the requester included), a stale version 409, a decided request 422, a rejection needs a note.
     */
    @Transactional
    public SupplyRequest decide(long id, TaskAction action, String note, Long version) {
        SupplyRequest request = store.find(id, true).orElseThrow(() -> new NotFoundException("supply.error.notFound", id));
        if (request.status() != RequestStatus.PENDING) {
            throw new BusinessRuleException("supply.error.decided", request.number());
        }
        String taskId = workflows.openTasks(id).stream().map(TaskView::id).findFirst()
                .orElseThrow(() -> new BusinessRuleException("supply.error.decided", request.number()));
        return complete(request, taskId, action, note, version);
    }

    /** Completes one waiting step from the to-do list ({@code POST /api/v1/tasks/{id}/complete}) as {@link #decide}. */
    @Transactional
    public SupplyRequest completeTask(String taskId, TaskCompletion completion) {
        long id = workflows.task(taskId).filter(t -> CASE_TYPE.equals(t.caseType())).map(TaskView::caseId)
                .orElseThrow(() -> new NotFoundException("workflow.error.task.notFound", taskId));
        SupplyRequest request = store.find(id, true).orElseThrow(() -> new NotFoundException("supply.error.notFound", id));
        Object version = completion.data().get("version");
        return complete(request, taskId, completion.action(), completion.comment(),
                version instanceof Number n ? n.longValue() : null);
    }

    private SupplyRequest complete(SupplyRequest request, String taskId, TaskAction action, String note, Long version) {
        if (action != TaskAction.APPROVE && action != TaskAction.REJECT) {
            throw new InvalidInputException("action", "{supply.error.action}");
        }
        if (version != null && version != request.version()) {
            throw new ConflictException("version", "supply.error.stale");
        }
        boolean mine = workflows.myTasks(null).stream().anyMatch(t -> t.id().equals(taskId));
        if (!mine || request.requester().equals(me().username())) {
            audit.record(AuditEntry.of("SUPPLY_DECISION_DENIED", "EMERGENCY_SUPPLY", String.valueOf(request.id()))
                    .outcome(com.tobacco.retailcrm.audit.api.AuditOutcome.DENIED).detail(String.valueOf(action)));
            throw new ForbiddenException("supply.error.notYourStep", request.number());
        }
        String comment = note == null || note.isBlank() ? null : note.strip();
        if (action == TaskAction.REJECT && comment == null) {
            throw new InvalidInputException("note", "{supply.error.rejectReason}");
        }
        if (comment != null && comment.length() > 500) {
            throw new InvalidInputException("note", "{supply.error.noteTooLong}");
        }
        if (!store.touch(request.id(), version)) {
            throw new ConflictException("version", "supply.error.stale");
        }
        workflows.complete(taskId, new TaskCompletion(action, comment, Map.of()));
        audit.record(new AuditEntry("SUPPLY_REQUEST_" + (action == TaskAction.APPROVE ? "APPROVED" : "REJECTED"),
                "EMERGENCY_SUPPLY", String.valueOf(request.id()), request.customerCode(),
                com.tobacco.retailcrm.audit.api.AuditOutcome.SUCCESS, comment, null));
        return store.find(request.id(), false).orElseThrow();
    }

    /** The case ended (called by the engine through {@link EmergencySupplyFlow}): the outcome and the supply date. */
    void finish(CaseView finished) {
        SupplyRequest request = store.find(finished.id(), false).orElseThrow();
        TrailEntry last = finished.trail().get(finished.trail().size() - 1);
        String by = last.actingFor() != null ? last.actingFor() : last.actor();
        Instant at = finished.endedAt() != null ? finished.endedAt() : clock.instant();
        if ("COMPLETED".equals(finished.status())) {
            LocalDate approvedOn = at.atZone(calendar.zone()).toLocalDate();
            String orderDay = archive.find(request.customerCode()).map(c -> (String) c.get("orderDay")).orElse(null);
            store.decide(request.id(), RequestStatus.APPROVED, by, at, SupplyDate.of(request.special(), orderDay,
                    approvedOn, calendar::isWorkingDay, d -> calendar.addWorkingDays(d, 1)));
        } else {
            store.decide(request.id(), RequestStatus.REJECTED, by, at, null);
        }
    }

    // ---- reading ----

    /** A request with its steps, if the caller may see it (404 otherwise). */
    @Transactional(readOnly = true)
    public Details get(long id) {
        SupplyRequest request = store.find(id, false).orElseThrow(() -> new NotFoundException("supply.error.notFound", id));
        Set<String> mine = myTaskIds();
        List<Step> steps = steps(id);
        CurrentUser me = me();
        boolean visible = request.requester().equals(me.username()) || COMPANY_READERS.stream().anyMatch(me::has)
                || steps.stream().anyMatch(s -> mine.contains(s.taskId()) || me.username().equals(s.actor()))
                || users.scopeOf(me).includes(request.customerManager(), request.countyId());
        if (!visible) {
            throw new NotFoundException("supply.error.notFound", id);
        }
        return new Details(request, steps, steps.stream().filter(s -> mine.contains(s.taskId())).findFirst());
    }

    /** A step of a request: done (with who, what and why) or waiting (with its role and due time). */
    public record Step(String key, String name, String role, String taskId, String actor, String action, String comment,
                       Instant createdAt, Instant dueAt, Instant completedAt, boolean overdue) {

        public boolean waiting() {
            return completedAt == null;
        }
    }

    public record Details(SupplyRequest request, List<Step> steps, Optional<Step> myStep) {

        public Optional<Step> waitingStep() {
            return steps.stream().filter(Step::waiting).findFirst();
        }
    }

    private List<Step> steps(long id) {
        List<Step> steps = new ArrayList<>();
        for (TrailEntry e : workflows.trail(id)) {
            steps.add(new Step(e.stepKey(), e.stepName(), roleOf(e.stepKey()), e.taskId(),
                    e.actingFor() != null ? e.actingFor() : e.actor(), e.action().name(), e.comment(),
                    e.taskCreatedAt(), e.taskDueAt(), e.at(), e.taskDueAt() != null && e.at().isAfter(e.taskDueAt())));
        }
        for (TaskView t : workflows.openTasks(id)) {
            steps.add(new Step(t.stepKey(), t.name(), roleOf(t.stepKey()), t.id(), t.assignee(), null, null,
                    t.createdAt(), t.dueAt(), null, t.overdue()));
        }
        return steps;
    }

    static String roleOf(String stepKey) {
        return switch (stepKey) {
            case "SERVICE_HEAD_APPROVE" -> "SERVICE_HEAD";
            case "MARKET_MANAGER_REVIEW" -> "MARKET_MANAGER";
            default -> "MARKETING_DEPUTY";
        };
    }

    private Set<String> myTaskIds() {
        Set<String> ids = new java.util.HashSet<>();
        workflows.myTasks(null).stream().filter(t -> CASE_TYPE.equals(t.caseType())).forEach(t -> ids.add(t.id()));
        return ids;
    }

    /**
     * Requests newest first: {@code waiting} only those with a step the caller may decide now; otherwise those the
     * caller may see (the approvers and departments all, the others by their data scope or as requester).
     */
    @Transactional(readOnly = true)
    public PageResponse<Details> list(String status, boolean waiting, YearMonth month, PageQuery page) {
        CurrentUser me = me();
        StringBuilder where = new StringBuilder("true");
        List<Object> args = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            List<FieldProblem> problems = new ArrayList<>();
            RequestStatus s = parse(RequestStatus.class, status, "status", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            where.append(" and r.status = ?");
            args.add(s.name());
        }
        if (month != null) {
            where.append(" and r.created_at >= ? and r.created_at < ?");
            args.add(java.sql.Timestamp.from(month.atDay(1).atStartOfDay(calendar.zone()).toInstant()));
            args.add(java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant()));
        }
        Set<Long> waitingIds = new java.util.HashSet<>();
        workflows.myTasks(null).stream().filter(t -> CASE_TYPE.equals(t.caseType())).forEach(t -> waitingIds.add(t.caseId()));
        if (waiting) {
            where.append(" and r.id = any (?)");
            args.add(waitingIds.toArray(Long[]::new));
        } else if (COMPANY_READERS.stream().noneMatch(me::has)) {
            DataScope.SqlPredicate scope = users.scopeOf(me).toSql("r.customer_manager", "r.county_id");
            where.append(" and (r.requester = ? or r.id = any (?) or (").append(scope.sql()).append("))");
            args.add(me.username());
            args.add(waitingIds.toArray(Long[]::new));
            args.addAll(scope.args());
        }
        long total = store.count(where.toString(), args);
        Set<String> mine = myTaskIds();
        List<Details> items = store.list(where.toString(), args, page.offset(), page.size()).stream().map(r -> {
            List<Step> steps = steps(r.id());
            return new Details(r, steps, steps.stream().filter(s -> mine.contains(s.taskId())).findFirst());
        }).toList();
        return new PageResponse<>(items, total, page.page(), page.size());
    }

    // ---- helpers ----

    private static CurrentUser me() {
        return CurrentUsers.require();
    }

    static boolean whole(BigDecimal qty) {
        return qty.stripTrailingZeros().scale() <= 0;
    }

    /** A JSON number or a numeric text; null for anything else. */
    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "{supply.error.required}"));
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "{supply.error.enum}"));
            return null;
        }
    }

    private static LocalDate date(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "{supply.error.required}"));
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "{supply.error.date}"));
            return null;
        }
    }
}
