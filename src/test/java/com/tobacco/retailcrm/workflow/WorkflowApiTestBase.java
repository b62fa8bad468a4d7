package com.tobacco.retailcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A county with the seven people of an onboarding, and helpers to drive cases over HTTP. */
abstract class WorkflowApiTestBase extends ApiTest {

    /** Tokens and usernames of the people who work an onboarding in one county. */
    protected record Team(String countyCode, String officerName, String officer, String cmName, String cm, String headName, String head,
                          String market, String distribution, String sales1, String sales2Name, String sales2) {
    }

    protected Team team() {
        String county = orgUnit("COUNTY", rootOrgCode(), "测试县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "营销中心" + unique());
        String headName = "head" + unique();
        String head = userWithRoles(headName, county, null, List.of("COUNTY_HEAD"));
        String cmName = "cm" + unique();
        String cm = userWithRoles(cmName, county, headName, List.of("CUSTOMER_MANAGER"));
        String officerName = "mo" + unique();
        String officer = userWithRoles(officerName, county, null, List.of("MONOPOLY_OFFICER"));
        String market = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        String distribution = userWithRoles("dd" + unique(), dept, null, List.of("DISTRIBUTION_DEPT"));
        String sales1 = userWithRoles("sd" + unique(), dept, null, List.of("SALES_DEPT"));
        String sales2Name = "sd" + unique();
        String sales2 = userWithRoles(sales2Name, dept, null, List.of("SALES_DEPT"));
        return new Team(county, officerName, officer, cmName, cm, headName, head, market, distribution, sales1, sales2Name, sales2);
    }

    /** A fresh token (after the clock moved past a token's 8 hours). */
    protected String login(String username) {
        var r = apiLogin(username, USER_PASSWORD);
        assertThat(r.status()).as("login %s: %s", username, r).isEqualTo(200);
        return r.json().get("token").asString();
    }

    protected Map<String, Object> newLicence(String countyCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("licenceNo", digits(12));
        body.put("storeName", "新开便利店" + unique());
        body.put("responsiblePerson", "张三");
        body.put("address", "城关镇解放路1号");
        body.put("countyCode", countyCode);
        body.put("licenceIssueDate", "2026-01-05");
        body.put("licenceExpiryDate", "2031-01-04");
        return body;
    }

    protected JsonNode startOnboarding(Team t) {
        var r = http.post("/api/v1/onboardings", t.officer(), newLicence(t.countyCode()));
        assertThat(r.status()).as("start onboarding: %s", r).isEqualTo(201);
        return r.json();
    }

    /**
     * The open task of an onboarding case in the caller's to-do list. The list merges items of several sources, each
     * numbered on its own (an upkeep task or a complaint may carry the case's number), so an item is the case's only
     * when its case type is too.
     */
    protected JsonNode taskOf(String token, long caseId) {
        var r = http.get("/api/v1/tasks?mine=true", token);
        assertThat(r.status()).as("tasks: %s", r).isEqualTo(200);
        return onboardingTask(r.json(), caseId)
                .orElseThrow(() -> new AssertionError("no task of case " + caseId + " in " + r.body()));
    }

    protected boolean hasTaskOf(String token, long caseId) {
        var r = http.get("/api/v1/tasks?mine=true", token);
        assertThat(r.status()).isEqualTo(200);
        return onboardingTask(r.json(), caseId).isPresent();
    }

    private static Optional<JsonNode> onboardingTask(JsonNode list, long caseId) {
        for (JsonNode item : list.get("items")) {
            if ("ONBOARDING".equals(item.get("caseType").asString()) && item.get("caseId").asLong() == caseId) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    protected Http.Response complete(String token, String taskId, String action, String comment, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("comment", comment);
        body.put("data", data);
        return http.post("/api/v1/tasks/" + taskId + "/complete", token, body);
    }

    protected JsonNode done(String token, long caseId, String action, Map<String, Object> data) {
        var r = complete(token, taskOf(token, caseId).get("id").asString(), action, null, data);
        assertThat(r.status()).as("complete: %s", r).isEqualTo(200);
        return r.json();
    }

    protected Map<String, Object> visitData(String managerName) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("retailFormat", "2");
        data.put("marketType", "1");
        data.put("customerManager", managerName);
        data.put("contactPerson", "张三");
        return data;
    }

    /** The due time the calendar API gives for a limit from a start (the independent reference). */
    protected OffsetDateTime calendarDue(String start, String amount) {
        var r = http.get("/api/v1/calendar/due?start=" + java.net.URLEncoder.encode(start, java.nio.charset.StandardCharsets.UTF_8)
                + "&amount=" + amount + "&unit=WORKING_DAY", adminToken("sysadmin"));
        assertThat(r.status()).as("calendar due: %s", r).isEqualTo(200);
        return OffsetDateTime.parse(r.json().get("due").asString());
    }

    protected static OffsetDateTime time(JsonNode node) {
        return OffsetDateTime.parse(node.asString());
    }

    protected static JsonNode step(JsonNode onboarding, int number) {
        return onboarding.get("steps").get(number - 1);
    }
}
