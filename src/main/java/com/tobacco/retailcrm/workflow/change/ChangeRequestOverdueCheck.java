package com.tobacco.retailcrm.workflow.change;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.api.Notifications;
import com.tobacco.retailcrm.workflow.api.TaskOverdue;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 超时提醒 for change-request steps, as the engine's check does for its tasks: a step past its due time is flagged
 * once to whoever may do it (its assignee, or the holders of its role within its county or the company) and their
 * supervisors through {@link Notifications}, and as one {@link TaskOverdue} event. The step row decides "once".
 */
@Component
public class ChangeRequestOverdueCheck {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ChangeRequestStore store;
    private final StepAssignment assignment;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ChangeRequestOverdueCheck(ChangeRequestStore store, StepAssignment assignment, Notifications notifications,
                              ApplicationEventPublisher events, Messages messages, WorkingCalendar calendar,
                              Clock clock, TransactionTemplate transaction) {
        this.store = store;
        this.assignment = assignment;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.calendar = calendar;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${crm.workflow.overdue-check:PT1M}", initialDelayString = "PT40S")
    void scheduled() {
        flagOverdue();
    }

    /** Flags the steps overdue now; returns how many were flagged for the first time. */
    public int flagOverdue() {
        Instant now = clock.instant();
        int flagged = 0;
        for (long stepId : store.lateUnflagged(now)) {
            flagged += Boolean.TRUE.equals(transaction.execute(status -> flag(stepId, now))) ? 1 : 0;
        }
        return flagged;
    }

    private boolean flag(long stepId, Instant now) {
        if (!store.markFlagged(stepId, now)) {
            return false;
        }
        long requestId = store.requestOfStep(stepId).orElseThrow();
        ChangeRequest request = store.find(requestId, false).orElseThrow();
        ChangeRequest.Step step = store.steps(requestId).stream().filter(s -> s.id() == stepId).findFirst().orElseThrow();
        // messages are rendered again in the reader's language; these arguments are the stored facts, in Chinese
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String title = messages.text(zh, "change.type." + request.type().name()) + " "
                + (request.customerCode() != null ? request.customerCode() : request.fileName());
        String stepName = messages.text(zh, "change.step." + step.key().name());
        String due = step.dueAt().atZone(calendar.zone()).format(SHOWN);
        String doer = step.assignee() != null ? step.assignee() : messages.text(zh, "role." + step.candidateRole());
        List<String> recipients = recipients(assignment.doers(step));
        String taskId = ChangeRequestTasks.PREFIX + stepId;
        for (String username : recipients) {
            notifications.tell(username, "TASK_OVERDUE", taskId, "workflow.notification.taskOverdue",
                    List.of(title, stepName, due, doer), "/change-requests/" + requestId);
        }
        events.publishEvent(new TaskOverdue(taskId, "CHANGE_REQUEST", requestId, step.seq(), stepName, step.dueAt(),
                recipients));
        return true;
    }

    private static List<String> recipients(List<UserRef> doers) {
        Set<String> result = new LinkedHashSet<>();
        doers.stream().filter(UserRef::enabled).forEach(u -> {
            result.add(u.username());
            if (u.supervisor() != null) {
                result.add(u.supervisor());
            }
        });
        return List.copyOf(result);
    }
}
