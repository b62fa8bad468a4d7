package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.workflow.api.CaseStepHandler;
import com.tobacco.retailcrm.workflow.api.TaskOverdue;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.flowable.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 超时提醒: every open task past its due time is flagged once to whoever may do it (its assignee, or the holders of
 * its candidate role) and their supervisors, as a notification each, and as one {@link TaskOverdue} event. The
 * database decides "once" (unique keys), so running it again — or on two instances at once — adds nothing.
 */
@Component
public class OverdueCheck {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskService tasks;
    private final CaseStore cases;
    private final ProcessCatalog catalog;
    private final TaskAccess access;
    private final UserDirectory users;
    private final JdbcNotifications notifications;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final EngineClock clock;
    private final TransactionTemplate transaction;
    private final java.util.Map<String, CaseStepHandler> handlers;
    private final com.tobacco.retailcrm.shared.web.Messages messages;

    OverdueCheck(TaskService tasks, CaseStore cases, ProcessCatalog catalog, TaskAccess access, UserDirectory users,
                 JdbcNotifications notifications, JdbcTemplate jdbc, ApplicationEventPublisher events, EngineClock clock,
                 TransactionTemplate transaction, List<CaseStepHandler> handlers,
                 com.tobacco.retailcrm.shared.web.Messages messages) {
        this.messages = messages;
        this.handlers = handlers.stream().collect(java.util.stream.Collectors.toMap(CaseStepHandler::caseType,
                java.util.function.Function.identity()));
        this.tasks = tasks;
        this.cases = cases;
        this.catalog = catalog;
        this.access = access;
        this.users = users;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${crm.workflow.overdue-check:PT1M}", initialDelayString = "PT30S")
    void scheduled() {
        flagOverdue();
    }

    /** Flags what is overdue now; returns how many tasks were flagged for the first time. */
    public int flagOverdue() {
        Instant now = clock.now();
        List<Task> late = tasks.createTaskQuery().active().taskDueBefore(Date.from(now)).includeIdentityLinks().list();
        int flagged = 0;
        for (Task task : late) {
            Boolean first = transaction.execute(status -> flag(task, now));
            flagged += Boolean.TRUE.equals(first) ? 1 : 0;
        }
        return flagged;
    }

    private boolean flag(Task task, Instant now) {
        var row = cases.byProcess(task.getProcessInstanceId());
        if (row.isEmpty()) {
            return false;
        }
        var step = catalog.step(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).orElseThrow();
        List<String> recipients = recipients(task);
        String due = OffsetDateTime.ofInstant(task.getDueDate().toInstant(), access.zone()).format(SHOWN);
        // the stored arguments are facts in Chinese (the message itself is rendered in the reader's language)
        String role = roleOf(task);
        String doer = task.getAssignee() != null ? task.getAssignee()
                : role == null ? null : messages.text(java.util.Locale.SIMPLIFIED_CHINESE, "role." + role);
        CaseStepHandler handler = handlers.get(row.get().caseType());
        String link = handler != null ? handler.pageOf(row.get().id()) : "/cases/" + row.get().id();
        for (String username : recipients) {
            notifications.insert(username, "TASK_OVERDUE", task.getId(), "workflow.notification.taskOverdue",
                    List.of(row.get().title(), step.name(), due, doer), link);
        }
        boolean first = jdbc.update("insert into wf_overdue_task (task_id, case_id, flagged_at) values (?, ?, ?) "
                + "on conflict (task_id) do nothing", task.getId(), row.get().id(), Timestamp.from(now)) > 0;
        if (first) {
            events.publishEvent(new TaskOverdue(task.getId(), row.get().caseType(), row.get().id(), step.number(),
                    step.name(), task.getDueDate().toInstant(), recipients));
        }
        return first;
    }

    /** The role of the task's candidate group ({@code ROLE@unit}); a runtime role is known only from the task. */
    private static String roleOf(Task task) {
        return candidateGroups(task).stream().findFirst().map(g -> g.substring(0, g.indexOf('@'))).orElse(null);
    }

    private static List<String> candidateGroups(Task task) {
        return task.getIdentityLinks().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
    }

    /** The assignee or the candidates, and the supervisor of each. */
    private List<String> recipients(Task task) {
        List<UserRef> doers = new ArrayList<>();
        if (task.getAssignee() != null) {
            users.find(task.getAssignee()).ifPresent(doers::add);
        } else {
            candidateGroups(task).forEach(g -> doers.addAll(access.holders(g)));
        }
        Set<String> result = new LinkedHashSet<>();
        doers.forEach(u -> {
            result.add(u.username());
            if (u.supervisor() != null) {
                result.add(u.supervisor());
            }
        });
        return List.copyOf(result);
    }
}
