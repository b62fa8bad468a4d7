package com.tobacco.retailcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.Http;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** AB岗: while a user is away their tasks show in their backup's list, and the trail says for whom the backup acted. */
class DelegationTest extends WorkflowApiTestBase {

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    private void delegate(String token, String username, String backup, LocalDate from, LocalDate to) {
        var r = http.post("/api/v1/users/" + username + "/delegations", token,
                Http.body("backup", backup, "startsOn", from.toString(), "endsOn", to.toString()));
        assertThat(r.status()).as("delegate: %s", r).isEqualTo(201);
    }

    @Test
    void theBackupSeesAndCompletesTheAbsentUsersTasksAndTheTrailSaysForWhom() {
        Team t = team();
        // the backup sits in another county: on their own account they could not take this county's steps
        String elsewhere = orgUnit("COUNTY", rootOrgCode(), "邻县" + unique());
        String backupName = "ab" + unique();
        String backup = userWithRoles(backupName, elsewhere, null, List.of("CUSTOMER_MANAGER"));
        String laterName = "ab" + unique();
        String later = userWithRoles(laterName, elsewhere, null, List.of("CUSTOMER_MANAGER"));
        delegate(t.cm(), t.cmName(), backupName, today(), today().plusDays(5));

        long id = startOnboarding(t).get("id").asLong();
        JsonNode task = taskOf(backup, id);
        assertThat(task.get("actingFor").asString()).isEqualTo(t.cmName());
        assertThat(task.get("candidateRole").asString()).isEqualTo("CUSTOMER_MANAGER");
        assertThat(hasTaskOf(later, id)).isFalse();

        JsonNode afterVisit = done(backup, id, "DONE", visitData(t.cmName()));
        JsonNode visit = afterVisit.get("trail").get(1);
        assertThat(visit.get("who").asString()).isEqualTo(backupName);
        assertThat(visit.get("actingFor").asString()).isEqualTo(t.cmName());
        assertThat(step(afterVisit, 2).get("actingFor").asString()).isEqualTo(t.cmName());

        // sent back: the reopened step goes to the manager it was done for, and so again to the backup's list
        String review = taskOf(t.head(), id).get("id").asString();
        assertThat(complete(t.head(), review, "SEND_BACK", "地址不全", Map.of()).status()).isEqualTo(200);
        JsonNode reopened = taskOf(backup, id);
        assertThat(reopened.get("assignee").asString()).isEqualTo(t.cmName());
        assertThat(reopened.get("actingFor").asString()).isEqualTo(t.cmName());

        // a delegation that starts tomorrow gives nothing today
        delegate(t.cm(), t.cmName(), laterName, today().plusDays(7), today().plusDays(9));
        assertThat(complete(later, reopened.get("id").asString(), "DONE", null, visitData(t.cmName())).status())
                .isEqualTo(403);
        assertThat(hasTaskOf(t.cm(), id)).isTrue();
    }
}
