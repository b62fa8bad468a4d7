package com.tobacco.retailcrm.service.suspension;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 服务暂停 over HTTP: the affected customers, the call marks, the end with make-up to-dos, the customer's view. */
class ServiceSuspensionApiTest extends ApiTest {

    record People(String county, String mm, String cm, String cmToken, String otherCm, String otherCmToken,
                  String dist, String distToken, String md, String mdToken) {
    }

    People people() {
        String county = orgUnit("COUNTY", rootOrgCode(), "暂停县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "配送中心" + unique());
        String mm = "mm" + unique();
        userWithRoles(mm, county, null, List.of("MARKET_MANAGER"));
        String cm = "cm" + unique();
        String cmToken = userWithRoles(cm, county, mm, List.of("CUSTOMER_MANAGER"));
        String other = "cm" + unique();
        String otherToken = userWithRoles(other, county, mm, List.of("CUSTOMER_MANAGER"));
        String dist = "dd" + unique();
        String distToken = userWithRoles(dist, dept, null, List.of("DISTRIBUTION_DEPT"));
        String md = "md" + unique();
        String mdToken = userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        return new People(county, mm, cm, cmToken, other, otherToken, dist, distToken, md, mdToken);
    }

    String customer(People p, String manager, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", digits(12));
        body.put("licenceNo", digits(12));
        body.put("storeName", "暂停便利店" + unique());
        body.put("retailFormat", "2");
        body.put("marketType", "1");
        body.put("customerManager", manager);
        body.put("countyCode", p.county());
        body.putAll(Http.body(fields));
        var r = http.post("/api/v1/customers", p.mdToken(), body);
        assertThat(r.status()).as("create customer: %s", r).isEqualTo(201);
        return r.json().get("customerCode").asString();
    }

    Map<String, Object> suspension(List<String> counties, List<String> routes, String from, String to) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("countyCodes", counties);
        scope.put("deliveryRoutes", routes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cause", "WEATHER");
        body.put("scope", scope);
        body.put("from", from);
        body.put("to", to);
        body.put("services", List.of("DELIVERY"));
        body.put("notice", "受暴雪影响，本周三暂停送货，订单顺延");
        body.put("cashSettlement", true);
        return body;
    }

    String at(Duration fromNow) {
        return clock.instant().plus(fromNow).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString();
    }

    @Test
    void theActiveCustomersInScopeAreListedWithANotifiedMarkAndSeeTheSuspendedServices() {
        People p = people();
        String plain = customer(p, p.cm());
        String routeOnly = customer(p, p.otherCm());
        String suspended = customer(p, p.cm());
        assertThat(http.patch("/api/v1/customers/" + suspended, p.mdToken(), Http.body("version", 0,
                "status", "SUSPENDED", "statusReason", "装修")).status()).isEqualTo(200);
        var r = http.post("/api/v1/service-suspensions", p.distToken(),
                suspension(List.of(p.county()), List.of(), at(Duration.ofHours(-1)), at(Duration.ofDays(2))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(r.json().get("affectedCustomers").asInt()).isEqualTo(2);

        var customers = http.get("/api/v1/service-suspensions/" + id + "/customers", p.distToken());
        assertThat(customers.status()).isEqualTo(200);
        assertThat(codes(customers.json())).containsExactlyInAnyOrder(plain, routeOnly);
        customers.json().forEach(c -> assertThat(c.get("notified").asBoolean()).isFalse());

        assertThat(http.post("/api/v1/service-suspensions/" + id + "/customers/" + plain + "/notified",
                p.otherCmToken(), Map.of()).status()).as("another manager's customer").isEqualTo(403);
        var marked = http.post("/api/v1/service-suspensions/" + id + "/customers/" + plain + "/notified", p.cmToken(), Map.of());
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.json().get("notified").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/service-suspensions/" + id + "/customers", p.cmToken()).json().toString())
                .as("a manager sees their own customers").contains(plain).doesNotContain(routeOnly);

        JsonNode view = http.get("/api/v1/customers/" + plain, p.cmToken()).json();
        assertThat(view.get("suspendedServices").toString()).isEqualTo("[\"DELIVERY\"]");
        assertThat(view.get("cashSettlementAllowed").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/customers/" + suspended, p.cmToken()).json().has("suspendedServices")).isFalse();
    }

    @Test
    void endingCreatesAMakeUpSupplyToDoForEachKeyCustomersManager() {
        People p = people();
        String route = "R" + unique();
        String group = customer(p, p.cm(), "groupCustomer", true, "deliveryRoute", route);
        String ordinary = customer(p, p.cm(), "deliveryRoute", route);
        var r = http.post("/api/v1/service-suspensions", p.mdToken(),
                suspension(List.of(), List.of(route), at(Duration.ofHours(-2)), null));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(r.json().get("affectedCustomers").asInt()).isEqualTo(2);
        assertThat(http.post("/api/v1/service-suspensions/" + id + "/end", p.cmToken(), Map.of()).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/service-suspensions/" + id + "/end", p.distToken(), Http.body("version", 9))
                .status()).isEqualTo(409);
        var ended = http.post("/api/v1/service-suspensions/" + id + "/end", p.distToken(), Http.body("at", at(Duration.ZERO)));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().get("status").asString()).isEqualTo("ENDED");
        assertThat(http.post("/api/v1/service-suspensions/" + id + "/end", p.distToken(), Map.of()).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/customers/" + group, p.cmToken()).json().has("suspendedServices")).isFalse();

        var tasks = http.get("/api/v1/tasks?mine=true", p.cmToken());
        assertThat(tasks.status()).isEqualTo(200);
        List<String> makeUps = new ArrayList<>();
        tasks.json().get("items").forEach(t -> {
            if ("SERVICE_MAKEUP".equals(t.get("caseType").asString()) && t.get("caseId").asLong() == id) {
                makeUps.add(t.get("id").asString());
            }
        });
        assertThat(makeUps).as("only the group customer is a key customer").hasSize(1);
        assertThat(jdbc.queryForObject("select customer_code from service_makeup_task where suspension_id = ?",
                String.class, id)).isEqualTo(group).isNotEqualTo(ordinary);
        var done = http.post("/api/v1/tasks/" + makeUps.get(0) + "/complete", p.cmToken(),
                Http.body("action", "DONE", "comment", "已安排临时补货"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.body()).as("the answer's shape").isEqualTo("{\"id\":\"" + makeUps.get(0)
                + "\",\"customerCode\":\"" + group + "\",\"done\":true}");
        assertThat(jdbc.queryForObject("select done_by from service_makeup_task where suspension_id = ?", String.class,
                id)).isEqualTo(p.cm());
    }

    @Test
    void aSuspensionWithToBeforeFromOrNoScopeIsA400AndSavesNothing() {
        People p = people();
        long before = jdbc.queryForObject("select count(*) from service_suspension", Long.class);
        var r = http.post("/api/v1/service-suspensions", p.distToken(),
                suspension(List.of(p.county()), List.of(), at(Duration.ofDays(1)), at(Duration.ofHours(1))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        var noScope = http.post("/api/v1/service-suspensions", p.distToken(),
                suspension(List.of(), List.of(), at(Duration.ZERO), null));
        assertThat(noScope.status()).isEqualTo(400);
        Map<String, Object> bad = suspension(List.of("NO-SUCH"), List.of(), "tomorrow", null);
        bad.put("services", List.of("SMOKING"));
        bad.put("cause", "RAIN");
        assertThat(http.post("/api/v1/service-suspensions", p.distToken(), bad).json().toString())
                .contains("scope.countyCodes").contains("from").contains("services").contains("cause");
        assertThat(jdbc.queryForObject("select count(*) from service_suspension", Long.class)).isEqualTo(before);
        assertThat(http.post("/api/v1/service-suspensions", p.cmToken(),
                suspension(List.of(p.county()), List.of(), at(Duration.ZERO), null)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/service-suspensions", adminToken("sysadmin")).status()).isEqualTo(403);
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(c -> codes.add(c.get("customerCode").asString()));
        return codes;
    }
}
