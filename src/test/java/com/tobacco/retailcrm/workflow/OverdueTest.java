package com.tobacco.retailcrm.workflow;

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

/** 超时提醒: a task past its due time is flagged once to its candidates and their supervisors, however often the check runs. */
@RecordApplicationEvents
class OverdueTest extends WorkflowApiTestBase {

    @Autowired
    OverdueCheck check;

    @Autowired
    ApplicationEvents events;

    private long notificationsAbout(String username, String taskId) {
        return jdbc.queryForObject("select count(*) from wf_notification where username = ? and kind = 'TASK_OVERDUE' "
                + "and reference = ?", Long.class, username, taskId);
    }

    @Test
    void anOverdueTaskIsFlaggedOnceToItsCandidatesAndTheirSupervisors() {
        Team t = team();
        long id = startOnboarding(t).get("id").asLong();
        JsonNode task = taskOf(t.cm(), id);
        String taskId = task.get("id").asString();
        assertThat(task.get("overdue").asBoolean()).isFalse();

        OffsetDateTime due = OffsetDateTime.parse(task.get("dueAt").asString());
        clock.advance(Duration.between(clock.instant(), due.toInstant()).plusMinutes(1));
        String cm = login(t.cmName());
        String head = login(t.headName());

        int first = check.flagOverdue();
        int second = check.flagOverdue();
        long published = events.stream(TaskOverdue.class).filter(e -> e.taskId().equals(taskId)).count();
        // the scheduled check may have flagged it in between; either way it was flagged, and only once
        assertThat(jdbc.queryForObject("select count(*) from wf_overdue_task where task_id = ?", Long.class, taskId))
                .isEqualTo(1);
        assertThat(published).isLessThanOrEqualTo(1);
        assertThat(second).isZero();
        if (first > 0 && published == 1) {
            TaskOverdue event = events.stream(TaskOverdue.class).filter(e -> e.taskId().equals(taskId)).findFirst().orElseThrow();
            assertThat(event.caseId()).isEqualTo(id);
            assertThat(event.step()).isEqualTo(2);
            assertThat(event.notified()).contains(t.cmName(), t.headName());
        }
        assertThat(notificationsAbout(t.cmName(), taskId)).isEqualTo(1);
        assertThat(notificationsAbout(t.headName(), taskId)).as("the manager's supervisor").isEqualTo(1);

        JsonNode late = taskOf(cm, id);
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/tasks?mine=true&overdue=true", cm).body()).contains(taskId);
        assertThat(http.get("/api/v1/tasks?mine=true&overdue=false", cm).body()).doesNotContain(taskId);

        var listed = http.get("/api/v1/notifications", cm);
        assertThat(listed.json().get("unread").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode mine = listed.json().get("items").valueStream().filter(n -> n.get("reference").asString().equals(taskId))
                .findFirst().orElseThrow();
        assertThat(mine.get("message").asString()).contains("超时").contains("客户经理实地走访");
        assertThat(http.post("/api/v1/notifications/" + mine.get("id").asLong() + "/read", cm, null).status()).isEqualTo(204);
        assertThat(http.post("/api/v1/notifications/" + mine.get("id").asLong() + "/read", head, null).status()).isEqualTo(404);
        JsonNode after = http.get("/api/v1/notifications", cm).json().get("items").valueStream()
                .filter(n -> n.get("reference").asString().equals(taskId)).findFirst().orElseThrow();
        assertThat(after.get("read").asBoolean()).isTrue();
        check.flagOverdue();
        assertThat(notificationsAbout(t.cmName(), taskId)).isEqualTo(1);
    }
}
