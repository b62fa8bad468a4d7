package com.tobacco.retailcrm.service.suspension;

import com.tobacco.retailcrm.customer.api.CustomerAttributes;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskOutcome;
import com.tobacco.retailcrm.workflow.api.TaskSource;
import com.tobacco.retailcrm.workflow.api.TaskView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suspension's faces elsewhere: the make-up supply (临时补货) to-dos on the managers' to-do list (ids {@code MU-}),
 * done with DONE and an optional note, and {@code suspendedServices} on the customer's API while one is in force.
 */
@Component
class SuspensionTasks implements TaskSource, CustomerAttributes {

    static final String PREFIX = "MU-";

    private final SuspensionStore store;
    private final SuspensionService service;
    private final Clock clock;

    SuspensionTasks(SuspensionStore store, SuspensionService service, Clock clock) {
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> myTasks(Boolean overdue) {
        var now = clock.instant();
        return CurrentUsers.current().map(me -> store.openMakeUps(me.username()).stream()
                .map(m -> new TaskView(PREFIX + m.id(), "SERVICE_MAKEUP", m.suspensionId(), "临时补货 " + m.storeName(), 1,
                        "MAKEUP", "临时补货", m.manager(), null, null, m.createdAt(), m.dueAt(), now.isAfter(m.dueAt()),
                        null))
                .filter(t -> overdue == null || t.overdue() == overdue).toList()).orElse(List.of());
    }

    @Override
    public Optional<String> pageOf(long caseId) {
        return Optional.of("/service-suspensions/" + caseId);
    }

    @Override
    @Transactional
    public MakeUpDone complete(String taskId, TaskCompletion completion) {
        long id = idOf(taskId, "workflow.error.task.notFound");
        var task = store.openMakeUp(id).orElseThrow(() -> new NotFoundException("workflow.error.task.notFound", taskId));
        String me = CurrentUsers.require().username();
        if (!me.equals(task.manager())) {
            throw new ForbiddenException("suspension.error.notYourTask", taskId);
        }
        if (completion.action() != TaskAction.DONE) {
            throw new InvalidInputException("action", "{suspension.error.makeUpAction}");
        }
        if (completion.comment() != null && completion.comment().length() > 500) {
            throw new InvalidInputException("comment", "{suspension.error.noteTooLong}");
        }
        store.doneMakeUp(id, me, clock.instant(), completion.comment());
        return new MakeUpDone(taskId, task.customerCode(), true);
    }

    /** A make-up supply to-do done, as completing it answers (the order of the components is the JSON's). */
    record MakeUpDone(String id, String customerCode, boolean done) implements TaskOutcome {
    }

    @Override
    public Map<String, Object> of(String customerCode) {
        List<Suspension> inForce = service.inForceFor(customerCode);
        if (inForce.isEmpty()) {
            return Map.of();
        }
        return Map.of("suspendedServices", inForce.stream().flatMap(s -> s.services().stream()).map(Enum::name)
                .distinct().sorted().toList(), "cashSettlementAllowed", inForce.stream()
                .anyMatch(Suspension::cashSettlement));
    }
}
