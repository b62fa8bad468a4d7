package com.tobacco.retailcrm.maintenance.change;

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
import com.tobacco.retailcrm.maintenance.change.ChangeRequest.Case;
import com.tobacco.retailcrm.maintenance.change.ChangeRequest.Status;
import com.tobacco.retailcrm.maintenance.change.ChangeRequest.Step;
import com.tobacco.retailcrm.workflow.api.StartCase;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskView;
import com.tobacco.retailcrm.workflow.api.TrailEntry;
import com.tobacco.retailcrm.workflow.api.Workflows;
import com.tobacco.retailcrm.workflow.api.WorkflowClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 修改维护任务单服务 — raises change requests (validated as the archive would validate them, old values captured) as
 * cases of the process engine, one process per type, and has their steps done by the right people; the step effects
 * (applying with history source {@code CHANGE_REQUEST:<id>} after checking that nobody changed the same fields
 * meanwhile, closing with the outcome) are {@link ChangeRequestFlow}'s.
 */
@Service
public class ChangeRequestService {

    private final ChangeRequestStore store;
    private final StepAssignment assignment;
    private final StepLimits limits;
    private final CustomerArchive archive;
    private final CustomerFields fields;
    private final UserDirectory users;
    private final Messages messages;
    private final Workflows workflows;
    private final WorkflowClock clock;
    private final com.tobacco.retailcrm.customer.api.UploadedSheets sheets;

    ChangeRequestService(ChangeRequestStore store, StepAssignment assignment, StepLimits limits, CustomerArchive archive,
                         CustomerFields fields, UserDirectory users, Messages messages, Workflows workflows,
                         WorkflowClock clock, com.tobacco.retailcrm.customer.api.UploadedSheets sheets) {
        this.sheets = sheets;
        this.store = store;
        this.assignment = assignment;
        this.limits = limits;
        this.archive = archive;
        this.fields = fields;
        this.users = users;
        this.messages = messages;
        this.workflows = workflows;
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
        return start(draft, county, List.of());
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
        return start(draft, null, checked);
    }

    /**
     * Opens the request's case: its type's process starts with the people and limits of its steps as variables, and
     * the request (with a bulk file's rows) is kept under the case's id. A request of no county is scoped to the
     * company.
     */
    private Case start(ChangeRequest draft, Long county, List<ChangeRequest.BulkRow> rows) {
        Map<String, Object> variables = new HashMap<>(assignment.variables(draft));
        variables.putAll(limits.variables(draft.type()));
        variables.put(ChangeRequestFlow.COUNTIES, new ArrayList<Long>());
        // lists and notifications show the title as stored, in Chinese like the rest of the stored facts
        String title = messages.text(Locale.SIMPLIFIED_CHINESE, "change.type." + draft.type().name()) + " "
                + (draft.customerCode() != null ? draft.customerCode() : draft.fileName());
        long id = workflows.start(new StartCase(ChangeRequestFlow.CASE_TYPE, ChangeRequestFlow.processKey(draft.type()),
                title.length() > 200 ? title.substring(0, 200) : title, county != null ? county : assignment.companyId(),
                draft.customerCode(), Map.of(), variables)).id();
        store.insert(draft.withId(id));
        store.addRows(id, rows);
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
        return complete(id, null, action, comment);
    }

    /** Completes one open step (an engine task of a change request, from the to-do list) as {@link #complete}. */
    @Transactional
    public Case completeTask(String taskId, String action, String comment) {
        long id = workflows.task(taskId).filter(t -> ChangeRequestFlow.CASE_TYPE.equals(t.caseType()))
                .map(TaskView::caseId).orElseThrow(() -> new NotFoundException("workflow.error.task.notFound", taskId));
        return complete(id, taskId, action, comment);
    }

    /**
     * Checks what the request's own rules say (the step's actions, a reason to reject, the notice text) and has the
     * engine complete the task, which runs the step's effects ({@link ChangeRequestFlow}) and moves the process on.
     */
    private Case complete(long id, String taskId, String action, String comment) {
        ChangeRequest request = store.find(id, true).orElseThrow(() -> new NotFoundException("change.error.notFound", id));
        if (request.closed()) {
            throw new BusinessRuleException("change.error.closed", id);
        }
        Case current = load(request, mineByRequest());
        Step step = current.openSteps().stream().filter(s -> current.mine().contains(s.id()))
                .filter(s -> taskId == null || taskId.equals(s.id())).findFirst()
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
        workflows.complete(step.id(), new TaskCompletion(TaskAction.valueOf(act), note, Map.of()));
        return load(id);
    }

    /** The open step of the request the signed-in user may act on now, if any (the page shows its actions). */
    @Transactional(readOnly = true)
    public java.util.Optional<Step> myOpenStep(long id) {
        return load(id).myStep();
    }

    /**
     * A request the caller may see: the requester, the market department and leaders, whoever may act on one of its
     * steps or acted on one, anyone whose data scope holds the customer, and for a bulk file those whose scope holds
     * a county it changes.
     */
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
        if (r.requester().equals(me.username()) || me.has(Role.MARKET_DEPT) || me.has(Role.LEADER) || !c.mine().isEmpty()
                || c.steps().stream().anyMatch(s -> me.username().equals(s.completedBy()))) {
            return true;
        }
        DataScope scope = users.scopeOf(me);
        return r.customerCode() != null ? scope.includes(r.customerManager(), r.countyId())
                : c.rows().stream().anyMatch(row -> row.countyId() != null && scope.includes(null, row.countyId()));
    }

    Case load(long id) {
        ChangeRequest r = store.find(id, false).orElseThrow(() -> new NotFoundException("change.error.notFound", id));
        return load(r, mineByRequest());
    }

    private Case load(ChangeRequest r, Map<Long, Set<String>> mine) {
        long id = r.id();
        List<Step> legacy = store.legacySteps(id);
        return new Case(r, legacy.isEmpty() ? steps(id) : legacy,
                r.type() == ChangeType.BULK ? store.rows(id) : List.of(), store.notices(id),
                mine.getOrDefault(id, Set.of()));
    }

    /** The request's steps: the completed tasks of its case's trail, then its open tasks. */
    private List<Step> steps(long id) {
        List<Step> steps = new ArrayList<>();
        for (TrailEntry e : workflows.trail(id)) {
            steps.add(new Step(e.taskId(), id, e.step(), StepKey.valueOf(e.stepKey()), null, null,
                    e.actingFor() != null ? e.actingFor() : e.actor(), e.taskCreatedAt(), e.taskDueAt(),
                    e.action() == TaskAction.REJECT ? "REJECTED" : "DONE", e.action().name(), e.comment(), e.actor(),
                    e.at()));
        }
        for (TaskView t : workflows.openTasks(id)) {
            steps.add(new Step(t.id(), id, t.step(), StepKey.valueOf(t.stepKey()), t.candidateRole(),
                    t.candidateOrgUnitId(), t.assignee(), t.createdAt(), t.dueAt(), "OPEN", null, null, null, null));
        }
        return steps;
    }

    /** The open change-request tasks the signed-in user may complete, by request (none without a signed-in user). */
    private Map<Long, Set<String>> mineByRequest() {
        if (CurrentUsers.current().isEmpty()) {
            return Map.of();
        }
        Map<Long, Set<String>> mine = new HashMap<>();
        workflows.myTasks(null).stream().filter(t -> ChangeRequestFlow.CASE_TYPE.equals(t.caseType()))
                .forEach(t -> mine.computeIfAbsent(t.caseId(), k -> new LinkedHashSet<>()).add(t.id()));
        return mine;
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
        Map<Long, Set<String>> myTasks = mineByRequest();
        if (waiting) {
            where.append(" and r.id = any (?)");
            args.add(myTasks.keySet().toArray(Long[]::new));
        } else if (!mine && !me.has(Role.MARKET_DEPT) && !me.has(Role.LEADER)) {
            DataScope.SqlPredicate scope = users.scopeOf(me).toSql("r.customer_manager", "r.county_id");
            where.append(" and (r.requester = ? or (").append(scope.sql()).append("))");
            args.add(me.username());
            args.addAll(scope.args());
        }
        return store.page(where.toString(), args, page).map(r -> load(r, myTasks));
    }

    /** Now to the whole second, on the engine's clock (which demo data may set back). */
    private Instant now() {
        return clock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
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
