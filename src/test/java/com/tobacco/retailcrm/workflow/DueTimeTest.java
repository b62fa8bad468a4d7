package com.tobacco.retailcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.workflow.api.Workflows;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Each step is due its limit in working time after it opened, and the case 5 working days after it started. */
class DueTimeTest extends WorkflowApiTestBase {

    @Autowired
    Workflows workflows;

    @Test
    void stepLimitsCountOnTheWorkingCalendar() {
        Team t = team();
        JsonNode started = startOnboarding(t);
        String startedAt = started.get("startedAt").asString();
        assertThat(time(started.get("dueAt"))).isEqualTo(calendarDue(startedAt, "5"));
        JsonNode forward = step(started, 1);
        assertThat(time(forward.get("dueAt"))).isEqualTo(calendarDue(forward.get("createdAt").asString(), "0.5"));

        JsonNode visit = taskOf(t.cm(), started.get("id").asLong());
        assertThat(time(visit.get("dueAt"))).isEqualTo(calendarDue(visit.get("createdAt").asString(), "1"));
        assertThat(time(step(started, 2).get("dueAt"))).isEqualTo(time(visit.get("dueAt")));

        JsonNode afterVisit = done(t.cm(), started.get("id").asLong(), "DONE", visitData(t.cmName()));
        JsonNode review = step(afterVisit, 3);
        assertThat(review.get("state").asString()).isEqualTo("CURRENT");
        assertThat(time(review.get("dueAt"))).isEqualTo(calendarDue(review.get("createdAt").asString(), "0.5"));
        String limits = afterVisit.get("steps").valueStream().map(s -> s.get("limit").asString())
                .reduce((a, b) -> a + "|" + b).orElseThrow();
        assertThat(limits).isEqualTo("0.5 WORKING_DAY|1 WORKING_DAY|0.5 WORKING_DAY|1 WORKING_DAY|0.5 WORKING_DAY|"
                + "1 WORKING_DAY|0.5 WORKING_DAY");
    }

    /**
     * The engine's business calendar (1 wd = 8 working hours over 09-12 and 13-17): half a day from Monday 16:00 is
     * Tuesday 12:00 (a period's end stays the end), a whole day is Tuesday 17:00.
     */
    @Test
    void halfAWorkingDayFromMondayAfternoonEndsTuesdayNoon() {
        Instant monday = OffsetDateTime.parse("2026-11-02T16:00:00+08:00").toInstant();
        assertThat(workflows.dueFrom(monday, "0.5 WORKING_DAY"))
                .isEqualTo(OffsetDateTime.parse("2026-11-03T12:00:00+08:00").toInstant());
        assertThat(workflows.dueFrom(monday, "1 WORKING_DAY"))
                .isEqualTo(OffsetDateTime.parse("2026-11-03T17:00:00+08:00").toInstant());
    }
}
