package com.tobacco.retailcrm.workflow.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.Http;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Change-request steps are part of the one to-do list (待办): listed and completed through /api/v1/tasks. */
class ChangeRequestToDoTest extends ChangeRequestTestBase {

    @Test
    void aChangeRequestStepIsInTheAssigneesToDoListAndIsCompletedThroughTheTaskApi() {
        County c = county();
        County other = county();
        Depts d = depts();
        String code = customer(c, d.md());
        long id = raised(c.cm(), code, "GENERAL", "address", "解放路88号").get("id").asLong();

        JsonNode mine = http.get("/api/v1/tasks?mine=true", c.head()).json();
        JsonNode task = StreamSupport.stream(mine.get("items").spliterator(), false)
                .filter(t -> t.get("caseType").asString().equals("CHANGE_REQUEST") && t.get("caseId").asLong() == id)
                .findFirst().orElseThrow(() -> new AssertionError("change-request step missing from " + mine));
        assertThat(task.get("candidateRole").asString()).isEqualTo("COUNTY_HEAD");
        assertThat(task.get("dueAt").isNull()).isFalse();
        assertThat(http.get("/api/v1/tasks?mine=true", other.head()).body()).as("another county's head")
                .doesNotContain("\"id\":\"" + task.get("id").asString() + "\"");

        String taskId = task.get("id").asString();
        assertThat(http.post("/api/v1/tasks/" + taskId + "/complete", other.head(),
                Http.body("action", "APPROVE", "comment", "越权")).status()).isEqualTo(403);
        var done = http.post("/api/v1/tasks/" + taskId + "/complete", c.head(),
                Http.body("action", "APPROVE", "comment", "核实无误"));
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(current(done.json()).get("step").asString()).isEqualTo("MARKET_APPLY");
        assertThat(http.get("/api/v1/tasks?mine=true", c.head()).body()).doesNotContain("\"id\":\"" + taskId + "\"");
    }
}
