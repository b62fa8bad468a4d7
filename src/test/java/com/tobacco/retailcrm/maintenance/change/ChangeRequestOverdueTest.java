package com.tobacco.retailcrm.maintenance.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.workflow.api.TaskOverdue;
import com.tobacco.retailcrm.workflow.engine.OverdueCheck;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** 超时提醒 for change-request steps: the engine's tasks, flagged once to the assignee and their supervisor. */
@RecordApplicationEvents
class ChangeRequestOverdueTest extends ChangeRequestTestBase {

    @Autowired
    OverdueCheck check;

    @Autowired
    ApplicationEvents events;

    private long notificationsAbout(String username, String taskId) {
        return jdbc.queryForObject("select count(*) from wf_notification where username = ? and kind = 'TASK_OVERDUE' "
                + "and reference = ?", Long.class, username, taskId);
    }

    @Test
    void anOverdueStepIsFlaggedOnceToItsAssigneeAndTheirSupervisor() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());
        JsonNode r = raised(c.cm(), code, "PHONE", "orderPhone", "13912345678");
        long id = r.get("id").asLong();
        JsonNode review = current(r);
        String taskId = review.get("id").asString();

        OffsetDateTime due = OffsetDateTime.parse(review.get("dueAt").asString());
        clock.advance(Duration.between(clock.instant(), due.toInstant()).plusMinutes(1));
        check.flagOverdue();
        int again = check.flagOverdue();

        assertThat(again).isZero();
        assertThat(notificationsAbout(c.cmName(), taskId)).as("the assignee").isEqualTo(1);
        assertThat(notificationsAbout(c.mmName(), taskId)).as("the assignee's supervisor").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from wf_overdue_task where task_id = ? and case_id = ?",
                Long.class, taskId, id)).isEqualTo(1);
        // the scheduled check may have flagged it in between; the event is published at most once, by whoever did
        assertThat(events.stream(TaskOverdue.class).filter(e -> e.taskId().equals(taskId)).count()).isLessThanOrEqualTo(1);
        events.stream(TaskOverdue.class).filter(e -> e.taskId().equals(taskId)).forEach(e -> {
            assertThat(e.caseType()).isEqualTo("CHANGE_REQUEST");
            assertThat(e.caseId()).isEqualTo(id);
            assertThat(e.notified()).containsExactly(c.cmName(), c.mmName());
        });
        String message = jdbc.queryForObject("select args::text from wf_notification where username = ? and reference = ?",
                String.class, c.mmName(), taskId);
        assertThat(message).contains("客户经理审核").contains(code);
    }
}
