package com.tobacco.retailcrm.workflow.engine;

import static com.tobacco.retailcrm.shared.api.Texts.blankToNull;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import com.tobacco.retailcrm.workflow.api.StepLimit;
import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.workflow.api.CaseStepHandler;
import com.tobacco.retailcrm.workflow.api.CaseSummary;
import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.workflow.api.StartCase;
import com.tobacco.retailcrm.workflow.api.StepContext;
import com.tobacco.retailcrm.workflow.api.StepView;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskView;
import com.tobacco.retailcrm.workflow.api.TrailEntry;
import com.tobacco.retailcrm.workflow.api.Workflows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Workflows} on Flowable: the engine moves the process, we keep the case, its trail and the access rules. */
@Service
class FlowableWorkflows implements Workflows {

    private static final String DONE = "DONE";
    private static final String CURRENT = "CURRENT";
    private static final String PENDING = "PENDING";

    private final RuntimeService runtime;
    private final AuditLog audit;
    private final TaskService tasks;
    private final HistoryService history;
    private final ProcessCatalog catalog;
    private final CaseStore store;
    private final TaskAccess access;
    private final UserDirectory users;
    private final WorkingCalendar calendar;
    private final EngineClock clock;
    private final Map<String, CaseStepHandler> handlers;

    /** Stands in the trail for a personal value (ID card, phones, home address, bank account). */
    static final String SENSITIVE_PLACEHOLDER = "******";


    FlowableWorkflows(RuntimeService runtime, TaskService tasks, HistoryService history, ProcessCatalog catalog,
                      CaseStore store, TaskAccess access, UserDirectory users, WorkingCalendar calendar,
                      EngineClock clock, List<CaseStepHandler> handlers, AuditLog audit) {
        this.audit = audit;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.catalog = catalog;
        this.store = store;
        this.access = access;
        this.users = users;
        this.calendar = calendar;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(CaseStepHandler::caseType, Function.identity()));
    }

    @Override
    @Transactional
    public CaseView start(StartCase request) {
        CurrentUser user = CurrentUsers.require();
        List<StepDefinition> steps = catalog.steps(request.processKey());
        Instant now = clock.now();
        Instant due = now;
        for (StepDefinition step : steps) {
            StepLimit limit = step.limit(request.variables());
            due = calendar.due(due, limit.amount(), limit.unit());
        }
        long id = store.insert(request.caseType(), request.title(), request.scopeOrgUnitId(), request.customerCode(),
                user.username(), now, due, request.data());
        Map<String, Object> variables = new HashMap<>(request.variables());
        variables.put("caseId", id);
        variables.put("initiator", user.username());
        variables.put("scopeOrgUnitId", request.scopeOrgUnitId());
        variables.put("companyOrgUnitId", access.companyOrgUnitId());
        var instance = runtime.createProcessInstanceBuilder().processDefinitionKey(request.processKey())
                .businessKey(String.valueOf(id)).name(request.title()).variables(variables).start();
        store.attachProcess(id, instance.getId());
        return view(store.find(id).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseView> find(long caseId) {
        CurrentUser user = CurrentUsers.require();
        var visibility = visibility(user);
        var args = new ArrayList<>(visibility.args());
        args.add(caseId);
        return store.find(caseId).filter(c -> store.count(null, visibility.sql() + " and c.id = ?", args) > 0)
                .map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<CaseSummary> cases(String caseType, PageQuery page) {
        var visibility = visibility(CurrentUsers.require());
        var rows = store.page(caseType, visibility.sql(), visibility.args(), page.size(), page.offset());
        long total = store.count(caseType, visibility.sql(), visibility.args());
        return new PageResponse<>(rows.stream().map(this::summary).toList(), total, page.page(), page.size());
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> myTasks(Boolean overdue) {
        CurrentUser user = CurrentUsers.require();
        Set<String> groups = access.groupsOf(user.orgUnitId(), user.roles());
        List<UserRef> absent = access.standingInFor(user.username());
        Set<String> assignees = new LinkedHashSet<>();
        assignees.add(user.username());
        Set<String> allGroups = new LinkedHashSet<>(groups);
        absent.forEach(a -> {
            assignees.add(a.username());
            allGroups.addAll(access.groupsOf(a));
        });
        TaskQuery query = tasks.createTaskQuery().active().includeIdentityLinks().or().taskAssigneeIds(assignees);
        if (!allGroups.isEmpty()) {
            query = query.taskCandidateGroupIn(allGroups);
        }
        List<Task> found = query.endOr().orderByTaskCreateTime().asc().list();
        Map<String, CaseStore.CaseRow> cases = store.byProcesses(found.stream().map(Task::getProcessInstanceId)
                .collect(Collectors.toSet()));
        List<Task> mayTake = found.stream().filter(t -> cases.containsKey(t.getProcessInstanceId())
                && !ownCase(t, cases.get(t.getProcessInstanceId()), user.username())).toList();
        return views(mayTake, t -> actingFor(t, user, groups, absent).filter(f -> !f.isEmpty()).orElse(null)).stream()
                .filter(v -> overdue == null || v.overdue() == overdue).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> tasksInScope(Boolean overdue) {
        var visibility = visibility(CurrentUsers.require());
        List<String> processes = store.openProcesses(visibility.sql(), visibility.args());
        if (processes.isEmpty()) {
            return List.of();
        }
        List<Task> found = tasks.createTaskQuery().active().processInstanceIdIn(processes).includeIdentityLinks()
                .orderByTaskCreateTime().asc().list();
        return views(found, t -> null).stream().filter(v -> overdue == null || v.overdue() == overdue).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> openTasks(long caseId) {
        return store.find(caseId).map(c -> views(openTasksOf(c.processInstanceId()), t -> null)).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TaskView> task(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).includeIdentityLinks().singleResult();
        return task == null ? Optional.empty() : views(List.of(task), t -> null).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TrailEntry> trail(long caseId) {
        return store.trailOf(caseId);
    }

    /** A four-eyes step of a case the user started (or, as a backup, someone they stand in for started). */
    private boolean ownCase(Task task, CaseStore.CaseRow caseRow, String username) {
        return caseRow.startedBy().equals(username)
                && catalog.step(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
                .map(StepDefinition::notByInitiator).orElse(false);
    }

    @Override
    @Transactional
    public CaseView complete(String taskId, TaskCompletion completion) {
        CurrentUser user = CurrentUsers.require();
        Task task = tasks.createTaskQuery().taskId(taskId).includeIdentityLinks().singleResult();
        var row = task == null ? Optional.<CaseStore.CaseRow>empty() : store.byProcess(task.getProcessInstanceId());
        if (row.isEmpty()) {
            throw new NotFoundException("workflow.error.task.notFound", taskId);
        }
        CaseStore.CaseRow caseRow = row.get();
        StepDefinition step = catalog.step(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).orElseThrow();
        Set<String> groups = access.groupsOf(user.orgUnitId(), user.roles());
        Optional<String> actingFor = actingFor(task, user, groups, access.standingInFor(user.username()));
        if (actingFor.isEmpty()) {
            throw new ForbiddenException("workflow.error.task.notYours", step.name());
        }
        String forWhom = actingFor.get().isEmpty() ? null : actingFor.get();
        if (ownCase(task, caseRow, user.username()) || (forWhom != null && ownCase(task, caseRow, forWhom))) {
            throw new ForbiddenException("workflow.error.task.ownCase", step.name());
        }
        checkCompletion(step, completion);
        Map<String, Object> updates = Map.of();
        Map<String, Object> variables = new HashMap<>();
        CaseStepHandler handler = handlers.get(caseRow.caseType());
        if (handler != null) {
            var context = new StepContext(view(caseRow), step.key(), step.number(), completion.action(),
                    completion.comment(), completion.data(), user.username(), forWhom);
            updates = handler.onComplete(context);
            if (updates != null && !updates.isEmpty()) {
                store.merge(caseRow.id(), updates);
            }
            variables.putAll(handler.variablesOnComplete(context));
        }
        variables.put("action", completion.action().name());
        Set<String> openBefore = openTasksOf(caseRow.processInstanceId()).stream().map(Task::getId)
                .collect(Collectors.toSet());
        Instant now = clock.now();
        Map<String, Object> recorded = new LinkedHashMap<>(completion.data());
        // The archive keeps personal data encrypted; the trail is plain jsonb shown on the case page, so it only
        // records that such a field was given, never its value.
        CaseStepHandler owner = handlers.get(caseRow.caseType());
        recorded.replaceAll((key, value) -> value != null && owner != null && owner.personal(key) ? SENSITIVE_PLACEHOLDER
                : value);
        store.trail(caseRow.id(), step, taskId, completion.action(), user.username(), forWhom,
                blankToNull(completion.comment()), recorded, task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), now);
        try {
            tasks.setAssignee(taskId, user.username());
            tasks.complete(taskId, variables);
        } catch (org.flowable.common.engine.api.FlowableOptimisticLockingException
                 | org.flowable.common.engine.api.FlowableObjectNotFoundException e) {
            // someone else completed it a moment ago
            throw new com.tobacco.retailcrm.shared.api.ConflictException("id", "workflow.error.task.concurrent", taskId);
        }
        afterMove(caseRow, completion.action(), handler, now, openBefore);
        // every decision on a case (审批: approve, reject, send back, done) in the audit log, whatever the case type
        audit.record(new AuditEntry("CASE_STEP_COMPLETED", "CASE", String.valueOf(caseRow.id()),
                caseRow.customerCode(), AuditOutcome.SUCCESS, "type=" + caseRow.caseType() + " step=" + step.key()
                + " action=" + completion.action() + (forWhom == null ? "" : " actingFor=" + forWhom), null));
        return view(store.find(caseRow.id()).orElseThrow());
    }

    @Override
    public Instant dueFrom(Instant from, String limit) {
        StepLimit parsed = StepLimit.parse(limit);
        return calendar.due(from, parsed.amount(), parsed.unit());
    }

    /**
     * Reopened steps go back to whoever did them last; an ended process closes the case. Tasks that were open before
     * the completion (the other instances of a parallel step) stay as they are.
     */
    private void afterMove(CaseStore.CaseRow caseRow, TaskAction action, CaseStepHandler handler, Instant now,
                           Set<String> openBefore) {
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(caseRow.processInstanceId())
                .count() > 0;
        if (!running) {
            store.end(caseRow.id(), action == TaskAction.REJECT ? "REJECTED" : "COMPLETED", now);
            if (handler != null) {
                handler.onEnd(view(store.find(caseRow.id()).orElseThrow()));
            }
            return;
        }
        List<TrailEntry> trail = store.trailOf(caseRow.id());
        for (Task open : openTasksOf(caseRow.processInstanceId())) {
            if (open.getAssignee() != null || openBefore.contains(open.getId())) {
                continue;
            }
            trail.stream().filter(e -> e.stepKey().equals(open.getTaskDefinitionKey()) && e.action() != TaskAction.SEND_BACK)
                    .reduce((a, b) -> b)
                    .map(e -> e.actingFor() != null ? e.actingFor() : e.actor())
                    .ifPresent(previous -> tasks.setAssignee(open.getId(), previous));
        }
    }

    private static void checkCompletion(StepDefinition step, TaskCompletion completion) {
        if (completion.action() == null) {
            throw new InvalidInputException("action", "{workflow.error.action.required}");
        }
        if (!step.actions().contains(completion.action())) {
            throw new BusinessRuleException("workflow.error.action.notAllowed", completion.action().name(), step.name(),
                    step.actions().stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        boolean needsReason = completion.action() == TaskAction.SEND_BACK || completion.action() == TaskAction.REJECT;
        if (needsReason && blankToNull(completion.comment()) == null) {
            throw new InvalidInputException(List.of(new FieldProblem("comment", "{workflow.error.reason.required}")));
        }
        if (completion.comment() != null && completion.comment().length() > 1000) {
            throw new InvalidInputException(List.of(new FieldProblem("comment", "{workflow.error.comment.tooLong}")));
        }
    }

    /**
     * Empty string: the user may take the task on their own account; a username: only as that person's backup;
     * empty optional: not at all.
     */
    private Optional<String> actingFor(Task task, CurrentUser user, Set<String> groups, List<UserRef> absent) {
        if (mayTake(task, user.username(), groups)) {
            return Optional.of("");
        }
        return absent.stream().filter(a -> mayTake(task, a.username(), access.groupsOf(a))).map(UserRef::username)
                .findFirst();
    }

    private static boolean mayTake(Task task, String username, Set<String> groups) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(username);
        }
        return candidateGroups(task).stream().anyMatch(groups::contains);
    }

    private static List<String> candidateGroups(Task task) {
        return task.getIdentityLinks().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLinkInfo::getGroupId).toList();
    }

    private List<Task> openTasksOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).includeIdentityLinks()
                .orderByTaskCreateTime().asc().list();
    }

    private List<TaskView> views(Collection<Task> found, Function<Task, String> actingFor) {
        Map<String, CaseStore.CaseRow> cases = store.byProcesses(found.stream().map(Task::getProcessInstanceId)
                .collect(Collectors.toSet()));
        Instant now = clock.now();
        List<TaskView> result = new ArrayList<>();
        for (Task t : found) {
            CaseStore.CaseRow c = cases.get(t.getProcessInstanceId());
            if (c == null) {
                continue;
            }
            StepDefinition step = catalog.step(t.getProcessDefinitionId(), t.getTaskDefinitionKey()).orElseThrow();
            String group = t.getAssignee() != null ? null : candidateGroups(t).stream().findFirst().orElse(null);
            Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
            result.add(new TaskView(t.getId(), c.caseType(), c.id(), c.title(), step.number(), step.key(), step.name(),
                    t.getAssignee(), group == null ? null : group.substring(0, group.indexOf('@')),
                    group == null ? null : Long.valueOf(group.substring(group.indexOf('@') + 1)),
                    t.getCreateTime().toInstant(), due, due != null && now.isAfter(due), actingFor.apply(t)));
        }
        return result;
    }

    private CaseView view(CaseStore.CaseRow c) {
        String definitionId = definitionOf(c.processInstanceId());
        List<StepDefinition> definitions = catalog.stepsOf(definitionId);
        List<TrailEntry> trail = store.trailOf(c.id());
        List<Task> open = c.processInstanceId() == null ? List.of() : openTasksOf(c.processInstanceId());
        int currentNumber = open.stream().map(t -> catalog.step(definitionId, t.getTaskDefinitionKey()).orElseThrow())
                .mapToInt(StepDefinition::number).min().orElse(Integer.MAX_VALUE);
        Instant now = clock.now();
        Map<String, Object> variables = definitions.stream().anyMatch(StepDefinition::variableLimit)
                ? variablesOf(c.processInstanceId()) : Map.of();
        List<StepView> steps = new ArrayList<>();
        for (StepDefinition d : definitions) {
            steps.addAll(stepViews(d, d.limit(variables).toString(), open, trail, currentNumber, now));
        }
        boolean overdue = "OPEN".equals(c.status()) ? now.isAfter(c.dueAt()) : c.endedAt().isAfter(c.dueAt());
        return new CaseView(c.id(), c.caseType(), c.title(), c.status(), c.scopeOrgUnitId(), c.customerCode(),
                c.startedBy(), c.startedAt(), c.dueAt(), c.endedAt(), overdue, c.data(), steps, trail);
    }

    /** The step as it stands: one view per open task (a parallel step has one per instance), else done or pending. */
    private List<StepView> stepViews(StepDefinition d, String limit, List<Task> open, List<TrailEntry> trail,
                                     int currentNumber, Instant now) {
        List<Task> current = open.stream().filter(t -> t.getTaskDefinitionKey().equals(d.key())).toList();
        Optional<TrailEntry> last = trail.stream().filter(e -> e.stepKey().equals(d.key())).reduce((a, b) -> b);
        if (!current.isEmpty()) {
            // a reopened step carries the reason it was sent back with
            String reason = trail.isEmpty() ? null : trail.get(trail.size() - 1).action() == TaskAction.SEND_BACK
                    && trail.get(trail.size() - 1).step() == d.number() + 1 ? trail.get(trail.size() - 1).comment() : null;
            return current.stream().map(t -> {
                Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
                return new StepView(d.number(), d.key(), d.name(), d.role(), limit, d.actions(), CURRENT, t.getId(),
                        t.getCreateTime().toInstant(), due, null, t.getAssignee(), null, null, reason,
                        due != null && now.isAfter(due));
            }).toList();
        }
        if (last.isPresent() && d.number() < currentNumber && last.get().action() != TaskAction.SEND_BACK) {
            TrailEntry e = last.get();
            return List.of(new StepView(d.number(), d.key(), d.name(), d.role(), limit, d.actions(), DONE, null,
                    e.taskCreatedAt(), e.taskDueAt(), e.at(), e.actor(), e.actingFor(), e.action(), e.comment(),
                    e.taskDueAt() != null && e.at().isAfter(e.taskDueAt())));
        }
        return List.of(new StepView(d.number(), d.key(), d.name(), d.role(), limit, d.actions(), PENDING, null,
                null, null, null, null, null, null, null, false));
    }

    /** The process's variables, also once it has ended (the history keeps them). */
    private Map<String, Object> variablesOf(String processInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(v -> variables.put(v.getVariableName(), v.getValue()));
        return variables;
    }

    private String definitionOf(String processInstanceId) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance.getProcessDefinitionId();
    }

    private CaseSummary summary(CaseStore.CaseRow c) {
        CaseView v = view(c);
        var current = v.currentStep();
        return new CaseSummary(c.id(), c.caseType(), c.title(), c.status(), c.scopeOrgUnitId(), c.customerCode(),
                c.startedBy(), c.startedAt(), c.dueAt(), c.endedAt(), current.map(StepView::number).orElse(null),
                current.map(StepView::name).orElse(null), v.overdue());
    }

    /**
     * Which cases a user sees: the ones they started or acted in (also for someone), those in their data scope, and
     * those whose steps their roles may take (their county's, or all for company-wide departments).
     */
    private DataScope.SqlPredicate visibility(CurrentUser user) {
        DataScope scope = users.scopeOf(user);
        if (scope.kind() == DataScope.Kind.COMPANY || user.roles().stream().anyMatch(COMPANY_WIDE::contains)) {
            return new DataScope.SqlPredicate("true", List.of());
        }
        Set<Long> units = new LinkedHashSet<>(access.ancestors(user.orgUnitId()));
        if (scope.kind() == DataScope.Kind.COUNTY) {
            units.addAll(scope.orgUnitIds());
        }
        boolean stepRole = user.roles().stream().anyMatch(r -> r == Role.CUSTOMER_MANAGER || r == Role.COUNTY_HEAD
                || r == Role.MONOPOLY_OFFICER || r == Role.MARKET_MANAGER);
        String sql = "c.started_by = ? or exists (select 1 from wf_trail t where t.case_id = c.id and (t.actor = ? or t.acting_for = ?))"
                + (stepRole ? " or c.scope_org_unit_id = any(?)" : "");
        List<Object> args = new ArrayList<>(List.of(user.username(), user.username(), user.username()));
        if (stepRole) {
            args.add(units.toArray(Long[]::new));
        }
        return new DataScope.SqlPredicate("(" + sql + ")", args);
    }

    private static final Set<Role> COMPANY_WIDE = Set.of(Role.MARKET_DEPT, Role.DISTRIBUTION_DEPT, Role.SALES_DEPT,
            Role.LEADER);
}
