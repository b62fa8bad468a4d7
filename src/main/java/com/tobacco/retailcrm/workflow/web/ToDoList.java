package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.workflow.api.CaseJson;
import com.tobacco.retailcrm.workflow.api.CaseStepHandler;
import com.tobacco.retailcrm.workflow.api.TaskCompleter;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskSource;
import com.tobacco.retailcrm.workflow.api.TaskView;
import com.tobacco.retailcrm.workflow.api.Workflows;
import java.time.Instant;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 待办 — one to-do list per person: the process engine's tasks (onboarding, change requests) together with every
 * {@link TaskSource} kept outside it (scheduled upkeep, complaints), soonest due first; completion goes to whoever owns
 * the task's id.
 */
@Component
class ToDoList {

    private final Workflows workflows;
    private final List<TaskSource> sources;
    private final UserDirectory users;
    private final Map<String, TaskCompleter> completers;
    private final Map<String, CaseStepHandler> handlers;

    ToDoList(Workflows workflows, List<TaskSource> sources, UserDirectory users, List<TaskCompleter> completers,
             List<CaseStepHandler> handlers) {
        this.workflows = workflows;
        this.sources = List.copyOf(sources);
        this.users = users;
        this.completers = completers.stream().collect(java.util.stream.Collectors.toMap(TaskCompleter::caseType,
                java.util.function.Function.identity()));
        this.handlers = handlers.stream().collect(java.util.stream.Collectors.toMap(CaseStepHandler::caseType,
                java.util.function.Function.identity()));
    }

    List<TaskView> myTasks(Boolean overdue) {
        List<TaskView> all = new ArrayList<>(workflows.myTasks(overdue));
        sources.forEach(s -> all.addAll(s.myTasks(overdue)));
        all.sort(Comparator.comparing(TaskView::dueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
        return all;
    }

    /**
     * 督办 — the open tasks within the caller's oversight that others must do: for those who supervise (data scope
     * TEAM, COUNTY or COMPANY: market managers, county heads, departments, leaders) the tasks of their scope they
     * may see but not complete themselves, soonest due first. Anyone else has nobody to supervise → 403.
     */
    List<TaskView> othersTasks(Boolean overdue) {
        if (!oversees()) {
            throw new ForbiddenException("workflow.error.tasks.noOversight");
        }
        Set<String> mine = new HashSet<>();
        myTasks(null).forEach(t -> mine.add(t.id()));
        List<TaskView> all = new ArrayList<>(workflows.tasksInScope(overdue));
        sources.forEach(s -> all.addAll(s.tasksInScope(overdue)));
        Map<String, TaskView> distinct = new LinkedHashMap<>();
        all.stream().filter(t -> !mine.contains(t.id())).forEach(t -> distinct.putIfAbsent(t.id(), t));
        List<TaskView> result = new ArrayList<>(distinct.values());
        result.sort(Comparator.comparing(TaskView::dueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
        return result;
    }

    /** The people a list of tasks names, by their display names (a username is what the system knows them by). */
    Map<String, String> displayNames(List<TaskView> tasks) {
        Map<String, String> names = new LinkedHashMap<>();
        tasks.stream().flatMap(t -> java.util.stream.Stream.of(t.assignee(), t.actingFor()))
                .filter(java.util.Objects::nonNull).distinct()
                .forEach(u -> names.put(u, users.find(u).map(com.tobacco.retailcrm.security.api.UserRef::displayName)
                        .orElse(u)));
        return names;
    }

    /** Whether the caller supervises anyone (data scope TEAM or wider), so has a 督办 list. */
    boolean oversees() {
        CurrentUser me = CurrentUsers.require();
        return users.scopeOf(me).kind().compareTo(DataScope.Kind.TEAM) >= 0;
    }

    /**
     * Completes the task and answers what it completed, as the API shows it: a source's item by its id's prefix (its
     * {@link com.tobacco.retailcrm.workflow.api.TaskOutcome}), an engine task through its case type's
     * {@link TaskCompleter} when it has one, else the engine's completion (the case's JSON).
     */
    Object complete(String taskId, TaskCompletion completion) {
        Optional<TaskSource> owner = sourceOf(taskId);
        if (owner.isPresent()) {
            return owner.get().complete(taskId, completion);
        }
        Optional<TaskCompleter> completer = workflows.task(taskId).map(t -> completers.get(t.caseType()));
        return completer.isPresent() ? completer.get().complete(taskId, completion)
                : CaseJson.of(workflows.complete(taskId, completion));
    }

    /**
     * Where a task is handled in the UI: a source's item on its source's page (empty when it is completed right on the
     * to-do page), an engine task on its case's page.
     */
    Optional<String> pageOf(TaskView task) {
        Optional<TaskSource> source = sourceOf(task.id());
        return source.isPresent() ? source.get().pageOf(task.caseId())
                : Optional.of(casePage(task.caseType(), task.caseId()));
    }

    /** The handler of an engine case type: its page, step forms and value texts. */
    Optional<CaseStepHandler> handlerOf(String caseType) {
        return Optional.ofNullable(handlers.get(caseType));
    }

    /** The page of an engine case: its case type's own (see {@link CaseStepHandler#pageOf}), else the generic one. */
    String casePage(String caseType, long caseId) {
        CaseStepHandler handler = handlers.get(caseType);
        return handler != null ? handler.pageOf(caseId) : "/cases/" + caseId;
    }

    private Optional<TaskSource> sourceOf(String taskId) {
        return sources.stream().filter(s -> taskId.startsWith(s.prefix())).findFirst();
    }
}
