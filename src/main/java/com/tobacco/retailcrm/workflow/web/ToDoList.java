package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskSource;
import com.tobacco.retailcrm.workflow.api.TaskView;
import com.tobacco.retailcrm.workflow.api.Workflows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 待办 — one to-do list per person: the process engine's tasks together with every {@link TaskSource} kept outside
 * it (change-request steps, scheduled upkeep), soonest due first; completion goes to whoever owns the task's id.
 */
@Component
class ToDoList {

    private final Workflows workflows;
    private final List<TaskSource> sources;

    ToDoList(Workflows workflows, List<TaskSource> sources) {
        this.workflows = workflows;
        this.sources = List.copyOf(sources);
    }

    List<TaskView> myTasks(Boolean overdue) {
        List<TaskView> all = new ArrayList<>(workflows.myTasks(overdue));
        sources.forEach(s -> all.addAll(s.myTasks(overdue)));
        all.sort(Comparator.comparing(TaskView::dueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
        return all;
    }

    /** Completes the task and answers the case afterwards, as the API shows it. */
    Map<String, Object> complete(String taskId, TaskCompletion completion) {
        Optional<TaskSource> owner = sources.stream().filter(s -> taskId.startsWith(s.prefix())).findFirst();
        return owner.isPresent() ? owner.get().complete(taskId, completion)
                : CaseJson.of(workflows.complete(taskId, completion));
    }

    /** Where a task is handled in the UI; empty when it is completed right on the to-do page. */
    static Optional<String> pageOf(TaskView task) {
        return switch (task.caseType()) {
            case "CHANGE_REQUEST" -> Optional.of("/change-requests/" + task.caseId());
            case "UPKEEP" -> Optional.empty();
            case "COMPLAINT" -> Optional.of("/complaints/" + task.caseId());
            default -> Optional.of("/cases/" + task.caseId());
        };
    }
}
