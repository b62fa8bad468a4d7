package com.tobacco.retailcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 新入网 end to end over HTTP by seven different people, with a send-back and the checks of role and scope. */
class OnboardingFlowTest extends WorkflowApiTestBase {

    @Test
    void sevenPeopleOnboardARetailerWithOneSendBack() {
        Team t = team();
        // the market department's to-do list also holds another source's item with the case's number, due sooner
        long sameNumber = upkeepItemNumberedAsTheNextCase("MARKET_DEPT");
        JsonNode started = startOnboarding(t);
        long id = started.get("id").asLong();
        assertThat(id).isEqualTo(sameNumber);
        assertThat(started.get("status").asString()).isEqualTo("OPEN");
        assertThat(started.get("steps")).hasSize(7);
        assertThat(step(started, 1).get("state").asString()).isEqualTo("DONE");
        assertThat(step(started, 2).get("state").asString()).isEqualTo("CURRENT");
        assertThat(started.get("customerCode").isNull()).isTrue();

        // another county's customer manager neither sees nor may complete the visit
        String otherCounty = orgUnit("COUNTY", rootOrgCode(), "外县" + unique());
        String stranger = userWithRoles("cm" + unique(), otherCounty, null, List.of("CUSTOMER_MANAGER"));
        assertThat(hasTaskOf(stranger, id)).isFalse();
        JsonNode visit = taskOf(t.cm(), id);
        assertThat(visit.get("candidateRole").asString()).isEqualTo("CUSTOMER_MANAGER");
        assertThat(visit.has("assignee")).isFalse();
        assertThat(visit.has("actingFor")).as("on their own account").isFalse();
        assertThat(visit.get("step").asInt()).isEqualTo(2);
        assertThat(visit.get("caseType").asString()).isEqualTo("ONBOARDING");
        String visitTask = visit.get("id").asString();
        assertThat(complete(stranger, visitTask, "DONE", null, visitData(t.cmName())).status()).isEqualTo(403);
        // the head of the county may not do the manager's step either
        assertThat(complete(t.head(), visitTask, "DONE", null, visitData(t.cmName())).status()).isEqualTo(403);

        // step 2: bad archive data is named field by field and nothing is created
        Map<String, Object> bad = visitData(t.cmName());
        bad.put("retailFormat", "X");
        bad.remove("marketType");
        var refused = complete(t.cm(), visitTask, "DONE", null, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("retailFormat").contains("marketType");
        assertThat(complete(t.cm(), visitTask, "APPROVE", null, visitData(t.cmName())).status()).isEqualTo(422);

        JsonNode afterVisit = done(t.cm(), id, "DONE", visitData(t.cmName()));
        String code = afterVisit.get("customerCode").asString();
        assertThat(code).matches("\\d{8,16}");
        var customer = http.get("/api/v1/customers/" + code, t.market());
        assertThat(customer.status()).isEqualTo(200);
        assertThat(customer.json().get("status").asString()).isEqualTo("PENDING");

        // step 3: the county head sends it back with a reason; the manager gets it again, with the reason
        String reviewTask = taskOf(t.head(), id).get("id").asString();
        assertThat(complete(t.head(), reviewTask, "SEND_BACK", " ", Map.of()).status()).isEqualTo(400);
        JsonNode sentBack = complete(t.head(), reviewTask, "SEND_BACK", "联系电话缺失", Map.of()).json();
        assertThat(step(sentBack, 2).get("state").asString()).isEqualTo("CURRENT");
        assertThat(step(sentBack, 2).get("comment").asString()).isEqualTo("联系电话缺失");
        assertThat(step(sentBack, 3).get("state").asString()).isEqualTo("PENDING");
        JsonNode again = taskOf(t.cm(), id);
        assertThat(again.get("assignee").asString()).isEqualTo(t.cmName());

        Map<String, Object> fixed = visitData(t.cmName());
        fixed.put("mobilePhone", "13800138000");
        assertThat(done(t.cm(), id, "DONE", fixed).get("customerCode").asString()).isEqualTo(code);
        assertThat(jdbc.queryForObject("select count(*) from wf_trail where case_id = ? and data::text like '%13800138000%'",
                Long.class, id)).as("personal data never lands in the plain trail").isZero();
        done(t.head(), id, "APPROVE", Map.of());

        // step 4: market dept, may carry fields
        done(t.market(), id, "DONE", Map.of("orderMethod", "PHONE"));

        // step 5: distribution dept needs the map position and route; wrong action is a business rule
        String gisTask = taskOf(t.distribution(), id).get("id").asString();
        assertThat(complete(t.distribution(), gisTask, "APPROVE", null, Map.of()).status()).isEqualTo(422);
        var missing = complete(t.distribution(), gisTask, "DONE", null, Map.of("longitude", 112.5));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("latitude").contains("deliveryRoute");
        var notHere = complete(t.distribution(), gisTask, "DONE", null,
                Map.of("longitude", 112.5, "latitude", 37.8, "deliveryRoute", "R01", "totalLimit", 5));
        assertThat(notHere.status()).isEqualTo(400);
        assertThat(notHere.body()).contains("totalLimit");
        assertThat(complete(t.sales1(), gisTask, "DONE", null, Map.of()).status()).isEqualTo(403);
        done(t.distribution(), id, "DONE", Map.of("longitude", 112.5, "latitude", 37.8, "deliveryRoute", "R01"));

        // steps 6 and 7: sales dept, two different people
        done(t.sales1(), id, "DONE", Map.of("orderBatch", "B1", "visitBatch", "V2", "totalLimit", 30));
        JsonNode closed = done(t.sales2(), id, "DONE", Map.of());

        assertThat(closed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(closed.get("endedAt").isNull()).isFalse();
        for (JsonNode s : closed.get("steps")) {
            assertThat(s.get("state").asString()).as("step %s", s.get("step")).isEqualTo("DONE");
        }
        assertThat(step(closed, 7).get("who").asString()).isEqualTo(t.sales2Name());
        List<String> trail = closed.get("trail").valueStream()
                .map(e -> e.get("step").asInt() + ":" + e.get("action").asString()).toList();
        assertThat(trail).containsExactly("1:DONE", "2:DONE", "3:SEND_BACK", "2:DONE", "3:APPROVE", "4:DONE", "5:DONE",
                "6:DONE", "7:DONE");
        assertThat(closed.get("trail").get(2).get("comment").asString()).isEqualTo("联系电话缺失");

        var active = http.get("/api/v1/customers/" + code, t.market()).json();
        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(active.get("deliveryRoute").asString()).isEqualTo("R01");
        assertThat(active.get("orderBatch").asString()).isEqualTo("B1");
        assertThat(active.get("customerManager").asString()).isEqualTo(t.cmName());

        var told = http.get("/api/v1/notifications", t.cm());
        assertThat(told.status()).isEqualTo(200);
        assertThat(told.body()).contains("ONBOARDING_DONE").contains(code);

        var fetched = http.get("/api/v1/onboardings/" + id, t.head());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("customerCode").asString()).isEqualTo(code);
        assertThat(http.get("/api/v1/onboardings/" + id, stranger).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/onboardings", t.head()).body()).contains("\"id\":" + id);
        assertThat(http.get("/api/v1/onboardings", stranger).body()).doesNotContain("\"id\":" + id + ",");
        assertThat(jdbc.queryForObject("select completed_at is null from upkeep_task where id = ?", Boolean.class,
                sameNumber)).as("the other item of the same number was left alone").isTrue();
    }

    @AfterEach
    void removeTheSameNumberedItem() {
        jdbc.update("delete from upkeep_task where subject like 'same-number-%'");
    }

    /**
     * An open upkeep task for a role, due a day ago, with the number the next case will get: to-do items are numbered
     * per source. Both sequences only move forward, so no other row can take or already have that number.
     */
    private long upkeepItemNumberedAsTheNextCase(String role) {
        long number = jdbc.queryForObject("select greatest(nextval('upkeep_task_id_seq'), nextval('wf_case_id_seq'))",
                Long.class);
        jdbc.queryForObject("select setval('upkeep_task_id_seq', ?)", Long.class, number);
        jdbc.queryForObject("select setval('wf_case_id_seq', ?, false)", Long.class, number);
        jdbc.update("""
                insert into upkeep_task (id, kind, subject, period, candidate_role, detail, created_at, due_at)
                values (?, 'MONTHLY_CLASS_REPORT', ?, '2026-01', ?, '同号的定期维护任务', now() - interval '2 days',
                        now() - interval '1 day')""", number, "same-number-" + unique(), role);
        return number;
    }

    @Test
    void onlyMonopolyOfficersStartAndInputIsCheckedByField() {
        Team t = team();
        assertThat(http.post("/api/v1/onboardings", t.cm(), newLicence(t.countyCode())).status()).isEqualTo(403);
        Map<String, Object> body = newLicence(t.countyCode());
        body.put("licenceNo", "12");
        body.put("licenceIssueDate", "2026-13-40");
        body.remove("storeName");
        body.put("countyCode", rootOrgCode());
        var r = http.post("/api/v1/onboardings", t.officer(), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("licenceNo").contains("licenceIssueDate").contains("storeName").contains("countyCode");
        assertThat(jdbc.queryForObject("select count(*) from wf_case where started_by = ?", Long.class, t.officerName()))
                .isZero();
    }
}
