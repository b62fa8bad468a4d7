package com.tobacco.retailcrm.maintenance.change;

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

    @Test
    void mineFalseListsTheStepsOfMyScopeThatOthersMustDoAndIsRefusedToWhoSupervisesNobody() throws Exception {
        County c = county();
        County other = county();
        Depts d = depts();
        String code = customer(c, d.md());
        long id = raised(c.cm(), code, "PHONE", "orderPhone", "13912345678").get("id").asLong();

        String review = taskOf(http.get("/api/v1/tasks?mine=false", c.mm()).json(), id)
                .orElseThrow(() -> new AssertionError("the market manager supervises their manager's review"))
                .get("id").asString();
        JsonNode supervised = taskOf(http.get("/api/v1/tasks?mine=false", c.mm()).json(), id).orElseThrow();
        assertThat(supervised.get("assignee").asString()).isEqualTo(c.cmName());
        assertThat(supervised.get("stepKey").asString()).isEqualTo("MANAGER_REVIEW");
        assertThat(taskOf(http.get("/api/v1/tasks?mine=false", c.head()).json(), id)).as("the county's head").isPresent();
        assertThat(taskOf(http.get("/api/v1/tasks?mine=false", d.md()).json(), id)).as("the market department").isPresent();
        assertThat(taskOf(http.get("/api/v1/tasks?mine=false", other.head()).json(), id)).as("another county").isEmpty();
        assertThat(taskOf(http.get("/api/v1/tasks?mine=false&overdue=true", c.mm()).json(), id)).as("not late yet").isEmpty();
        assertThat(taskOf(http.get("/api/v1/tasks?mine=true", c.cm()).json(), id)).as("the manager's own").isPresent();

        var refused = http.get("/api/v1/tasks?mine=false", c.cm());
        assertThat(refused.status()).as("a customer manager supervises nobody: %s", refused).isEqualTo(403);

        String oversight = pageAs(c.mmName(), "/tasks?list=OTHERS");
        assertThat(oversight).as("the 督办 tab lists the manager's step with a link to look at, not to handle")
                .contains("data-test=\"list-OTHERS\"", "#" + id, "data-test=\"view-task\"", "/change-requests/" + id)
                .doesNotContain("data-test=\"open-task\"")
                .as("the assignee by the name colleagues know").contains(">测试" + c.cmName() + "<");
        assertThat(pageAs(c.cmName(), "/tasks?list=OTHERS")).as("who supervises nobody sees only their own list")
                .doesNotContain("data-test=\"task-lists\"").contains("#" + id, "data-test=\"open-task\"");

        assertThat(http.post("/api/v1/tasks/" + review + "/complete", c.cm(),
                Http.body("action", "APPROVE", "comment", "属实")).status()).isEqualTo(200);
        assertThat(taskOf(http.get("/api/v1/tasks?mine=false", c.mm()).json(), id))
                .as("the approval is the market manager's own now, so not among the others'").isEmpty();
        assertThat(taskOf(http.get("/api/v1/tasks?mine=true", c.mm()).json(), id)).isPresent();
        assertThat(taskOf(http.get("/api/v1/tasks?mine=false&overdue=false", c.head()).json(), id)).isPresent();
    }

    private static java.util.Optional<JsonNode> taskOf(JsonNode list, long requestId) {
        return StreamSupport.stream(list.get("items").spliterator(), false)
                .filter(t -> t.get("caseType").asString().equals("CHANGE_REQUEST") && t.get("caseId").asLong() == requestId)
                .findFirst();
    }
}
