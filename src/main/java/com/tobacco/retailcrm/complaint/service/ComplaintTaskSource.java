package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskOutcome;
import com.tobacco.retailcrm.workflow.api.TaskSource;
import com.tobacco.retailcrm.workflow.api.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * My complaints in the to-do list ({@code TS-<id>}): to assign (the desk), to answer or resolve (the assignee), to call
 * back or close (the first-contact owner). They are handled on the complaint's page, which asks for what each action
 * needs (reply, satisfaction and level, assignee); completing one through the task API answers 422 naming that page.
 */
@Component
class ComplaintTaskSource implements TaskSource {

    static final String PREFIX = "TS-";

    private final ComplaintListing service;
    private final Messages messages;
    private final Clock clock;

    ComplaintTaskSource(ComplaintListing service, Messages messages, Clock clock) {
        this.service = service;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Optional<String> pageOf(long caseId) {
        return Optional.of("/complaints/" + caseId);
    }

    @Override
    public List<TaskView> myTasks(Boolean overdue) {
        Instant now = clock.instant();
        return service.myWork().stream().filter(c -> overdue == null || c.overdue(now) == overdue).map(c -> {
            String step = step(c.status());
            Instant due = c.status().open() ? c.nextDue() : null;
            return new TaskView(PREFIX + c.id(), "COMPLAINT", c.id(), c.number() + " "
                    + messages.text("complaint.category." + c.category().name())
                    + (c.storeName() == null ? "" : " · " + c.storeName()), c.status().ordinal() + 1, step,
                    messages.text("complaint.task." + step), c.assignee(),
                    c.assignee() == null ? "SERVICE_AGENT" : null, null, c.createdAt(), due, c.overdue(now), null);
        }).toList();
    }

    private static String step(ComplaintStatus status) {
        return switch (status) {
            case RECEIVED -> "ASSIGN";
            case ASSIGNED -> "RESPOND";
            case IN_PROGRESS, PAUSED -> "RESOLVE";
            case RESOLVED -> "CALLBACK";
            default -> "CLOSE";
        };
    }

    @Override
    public TaskOutcome complete(String taskId, TaskCompletion completion) {
        long id = idOf(taskId, "complaint.error.notFound");
        service.get(id);
        throw new BusinessRuleException("complaint.error.taskOnPage", "/complaints/" + id);
    }
}
