package com.tobacco.retailcrm.maintenance.upkeep;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskSource;
import com.tobacco.retailcrm.workflow.api.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Open upkeep tasks as to-do items ({@code UP-<id>}): they stay in their own table (one per customer per half-year
 * would be far too many engine processes) and are shown beside the engine's tasks. The list is capped at the first
 * {@link PageQuery#MAX_SIZE} by due time; the upkeep page pages through all.
 */
@Component
class UpkeepTaskSource implements TaskSource {

    static final String PREFIX = "UP-";

    private final UpkeepTasks tasks;
    private final Messages messages;
    private final Clock clock;
    private final WorkingCalendar calendar;

    UpkeepTaskSource(UpkeepTasks tasks, Messages messages, Clock clock, WorkingCalendar calendar) {
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public List<TaskView> myTasks(Boolean overdue) {
        Instant now = clock.instant();
        return tasks.mine(overdue, PageQuery.of(0, PageQuery.MAX_SIZE, null, Set.of("dueAt"), "dueAt,asc")).items()
                .stream().map(t -> view(t, now)).toList();
    }

    @Override
    public List<TaskView> tasksInScope(Boolean overdue) {
        Instant now = clock.instant();
        return tasks.inScope(overdue, PageQuery.MAX_SIZE).stream().map(t -> view(t, now)).toList();
    }

    private TaskView view(UpkeepTask t, Instant now) {
        return new TaskView(PREFIX + t.id(), "UPKEEP", t.id(), t.detail(), 1, t.kind().name(),
                messages.text("upkeep.kind." + t.kind().name()), t.assignee(), t.candidateRole(), null,
                t.createdAt(), t.dueAt(), t.overdue(now), null);
    }

    @Override
    public UpkeepTaskJson complete(String taskId, TaskCompletion completion) {
        long id = idOf(taskId, "upkeep.error.notFound");
        if (completion.action() != TaskAction.DONE) {
            throw new InvalidInputException("action", "{upkeep.error.action}");
        }
        return UpkeepTaskJson.of(tasks.complete(id, completion.comment(), completion.data()), clock.instant(), messages,
                calendar.zone());
    }
}
