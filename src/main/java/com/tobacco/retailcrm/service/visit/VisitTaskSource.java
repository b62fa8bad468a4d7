package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskOutcome;
import com.tobacco.retailcrm.workflow.api.TaskSource;
import com.tobacco.retailcrm.workflow.api.TaskView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Overdue visits in the to-do list ({@code VS-<customer id>}): each customer of mine whose next visit was due before
 * today. The item goes away when the visit is recorded on the visit form, where the link leads; completing it through
 * the task API answers 422 naming that form.
 */
@Component
class VisitTaskSource implements TaskSource {

    static final String PREFIX = "VS-";

    private final VisitPlans plans;
    private final Messages messages;
    private final ZoneId zone;

    VisitTaskSource(VisitPlans plans, Messages messages, CrmProperties crm) {
        this.plans = plans;
        this.messages = messages;
        this.zone = crm.zone();
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public List<TaskView> myTasks(Boolean overdue) {
        CurrentUser me = CurrentUsers.require();
        if (Boolean.FALSE.equals(overdue) || !me.has(Role.CUSTOMER_MANAGER)) {
            return List.of();
        }
        return plans.overdueOf(me.username()).stream().map(d -> {
            Instant due = d.dueOn().atStartOfDay(zone).toInstant();
            return new TaskView(PREFIX + d.customerId(), "VISIT", d.customerId(),
                    d.storeName() + " · " + messages.text("visit.cycle." + d.cycle()), 1, "VISIT",
                    messages.text("visit.task.overdue"), me.username(), null, null, due, due, true, null);
        }).toList();
    }

    @Override
    public Optional<String> pageOf(long caseId) {
        return plans.codeOf(caseId).map(code -> "/visits/new?customerCode=" + code);
    }

    @Override
    public TaskOutcome complete(String taskId, TaskCompletion completion) {
        long id = idOf(taskId, "visit.error.notFound");
        String page = pageOf(id).orElseThrow(() -> new NotFoundException("visit.error.notFound", taskId));
        throw new BusinessRuleException("visit.error.taskOnPage", page);
    }
}
