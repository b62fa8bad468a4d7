package com.tobacco.retailcrm.workflow.change;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskSource;
import com.tobacco.retailcrm.workflow.api.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The open change-request steps of the signed-in user as to-do items ({@code CR-<stepId>}). */
@Component
class ChangeRequestTasks implements TaskSource {

    static final String PREFIX = "CR-";

    private final ChangeRequestService service;
    private final ChangeRequestStore store;
    private final ChangeRequestJson json;
    private final Messages messages;
    private final Clock clock;

    ChangeRequestTasks(ChangeRequestService service, ChangeRequestStore store, ChangeRequestJson json,
                       Messages messages, Clock clock) {
        this.service = service;
        this.store = store;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> myTasks(Boolean overdue) {
        CurrentUser me = CurrentUsers.require();
        Instant now = clock.instant();
        return service.waitingFor(me).stream()
                .flatMap(c -> c.openSteps().stream().filter(s -> service.mayAct(s, me))
                        .filter(s -> !ChangeRequestService.ownBulk(s, c.request().requester(), me))
                        .map(s -> view(c.request(), s, now)))
                .filter(t -> overdue == null || t.overdue() == overdue).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> tasksInScope(Boolean overdue) {
        Instant now = clock.instant();
        return service.unfinishedInScope(CurrentUsers.require()).stream()
                .flatMap(c -> c.openSteps().stream().map(s -> view(c.request(), s, now)))
                .filter(t -> overdue == null || t.overdue() == overdue).toList();
    }

    private TaskView view(ChangeRequest r, ChangeRequest.Step s, Instant now) {
        String title = messages.text("change.type." + r.type().name()) + " "
                + (r.customerCode() != null ? r.customerCode() : r.fileName());
        return new TaskView(PREFIX + s.id(), "CHANGE_REQUEST", r.id(), title, s.seq(), s.key().name(),
                messages.text("change.step." + s.key().name()), s.assignee(), s.candidateRole(), s.candidateUnit(),
                s.createdAt(), s.dueAt(), s.overdue(now), null);
    }

    @Override
    public Map<String, Object> complete(String taskId, TaskCompletion completion) {
        long stepId;
        try {
            stepId = Long.parseLong(taskId.substring(PREFIX.length()));
        } catch (RuntimeException e) {
            throw new NotFoundException("workflow.error.task.notFound", taskId);
        }
        long requestId = store.requestOfStep(stepId).orElseThrow(
                () -> new NotFoundException("workflow.error.task.notFound", taskId));
        return json.of(service.complete(requestId, completion.action() == null ? null : completion.action().name(),
                completion.comment()));
    }
}
