package com.tobacco.retailcrm.maintenance.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.Http;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Change requests run on the process engine: a process per type, and AB岗 works for their steps as for any case. */
class ChangeRequestEngineTest extends ChangeRequestTestBase {

    @Autowired
    RepositoryService repository;

    @Test
    void eachTypeRunsItsOwnProcessWhoseUserTasksAreItsRouteInOrder() {
        for (ChangeType type : ChangeType.values()) {
            var definition = repository.createProcessDefinitionQuery().processDefinitionKey(ChangeRequestFlow.processKey(type))
                    .latestVersion().singleResult();
            assertThat(definition).as("process of %s", type).isNotNull();
            List<String> steps = repository.getBpmnModel(definition.getId()).getMainProcess()
                    .findFlowElementsOfType(UserTask.class).stream()
                    .sorted(Comparator.comparingInt(t -> Integer.parseInt(t.getAttributeValue(
                            "http://retailcrm.tobacco.com/bpmn", "step"))))
                    .map(UserTask::getId).toList();
            assertThat(steps).as("steps of %s", type)
                    .containsExactlyElementsOf(type.route().stream().map(Enum::name).toList());
        }
    }

    @Test
    void theBackupOfAnAbsentManagerReviewsTheirPhoneChangeAndTheStepSaysForWhom() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());
        String elsewhere = orgUnit("COUNTY", rootOrgCode(), "邻县" + unique());
        String backupName = "ab" + unique();
        String backup = userWithRoles(backupName, elsewhere, null, List.of("CUSTOMER_MANAGER"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        var delegated = http.post("/api/v1/users/" + c.cmName() + "/delegations", c.cm(),
                Http.body("backup", backupName, "startsOn", today.toString(), "endsOn", today.plusDays(3).toString()));
        assertThat(delegated.status()).as("%s", delegated).isEqualTo(201);

        long id = raised(c.cm(), code, "PHONE", "orderPhone", "13912345678").get("id").asLong();
        JsonNode task = StreamSupport.stream(http.get("/api/v1/tasks?mine=true", backup).json().get("items").spliterator(), false)
                .filter(t -> t.get("caseId").asLong() == id).findFirst()
                .orElseThrow(() -> new AssertionError("the review is in the backup's to-do"));
        assertThat(task.get("caseType").asString()).isEqualTo("CHANGE_REQUEST");
        assertThat(task.get("actingFor").asString()).isEqualTo(c.cmName());

        JsonNode after = done(backup, id, "APPROVE", "代为核实");
        JsonNode review = after.get("steps").get(0);
        assertThat(review.get("step").asString()).isEqualTo("MANAGER_REVIEW");
        assertThat(review.get("completedBy").asString()).isEqualTo(backupName);
        assertThat(review.get("assignee").asString()).as("the step was the manager's").isEqualTo(c.cmName());
        assertThat(current(after).get("assignee").asString()).isEqualTo(c.mmName());
        assertThat(http.get("/api/v1/change-requests/" + id, backup).status()).as("who acted sees it").isEqualTo(200);
    }

    @Test
    void aBulkFileOfAnUploaderWithoutHeadGoesToTheMarketDepartmentButNeverToTheUploader() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());
        var raised = upload(d.mdHead(), "changes.csv", "customerCode,deliveryRoute\n" + code + ",R-7\n", "线路调整");
        assertThat(raised.status()).as("%s", raised).isEqualTo(201);
        long id = raised.json().get("id").asLong();
        JsonNode approve = current(raised.json());
        assertThat(approve.get("candidateRole").asString()).isEqualTo("MARKET_DEPT");

        assertThat(http.get("/api/v1/tasks?mine=true", d.mdHead()).body()).as("not in the uploader's to-do")
                .doesNotContain("\"id\":\"" + approve.get("id").asString() + "\"");
        assertThat(act(d.mdHead(), id, "APPROVE", null).status()).as("four eyes").isEqualTo(403);
        assertThat(http.post("/api/v1/tasks/" + approve.get("id").asString() + "/complete", d.mdHead(),
                Http.body("action", "APPROVE")).status()).isEqualTo(403);
        JsonNode applied = done(d.md(), id, "APPROVE", "同意");
        assertThat(applied.get("status").asString()).isEqualTo("APPLIED");
        assertThat(current(applied).get("countyName").asString()).as("the county's review").startsWith("修改县");
    }

    @Test
    void theRequestPageShowsTheEngineStepsAndItsFormCompletesTheAssigneesStep() throws Exception {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());
        long id = raised(c.cm(), code, "PHONE", "orderPhone", "13912345678").get("id").asLong();

        String page = pageAs(c.cmName(), "/change-requests/" + id);
        assertThat(page).contains("data-step=\"MANAGER_REVIEW\"").contains("data-state=\"OPEN\"")
                .contains("/change-requests/" + id + "/complete").doesNotContain("13912345678")
                .contains("data-coming-step=\"MARKET_MANAGER_APPROVE\"").contains("data-coming-step=\"MARKET_APPLY\"");
        assertThat(pageAs(c.cmName(), "/tasks")).as("the to-do page links the request")
                .contains("/change-requests/" + id);
        assertThat(pageAs(c.cmName(), "/cases/" + id, "/change-requests/" + id))
                .as("the generic case page sends a change request to its own page, with its own checks")
                .contains("data-step=\"MANAGER_REVIEW\"");
    }
}
