package com.tobacco.retailcrm.service.supply;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.support.Http;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 应急货源报批 over HTTP: eligibility, input, the approver by quantity and path, who may decide, to-dos, supply date. */
class EmergencySupplyApiTest extends SupplyTestBase {

    @Autowired
    WorkingCalendar calendar;

    @Test
    void aScarceBrandIsRefusedEvenForAnApprovedCustomer() {
        People p = people();
        String code = customer(p);
        String general = brand(p, "GENERAL", "红塔山(经典)");
        String scarce = brand(p, "SCARCE", "中华(软)");
        String controlled = brand(p, "CONTROLLED", "黄鹤楼(1916)");
        assertThat(http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(code, false, general, 5))
                .status()).isEqualTo(201);
        long before = count("emergency_supply_request", "customer_code = ?", code);

        var r = http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(code, false, general, 5, scarce, 2));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("仅限常销品规").contains("中华(软)");
        var c = http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(code, false, controlled, 1));
        assertThat(c.status()).isEqualTo(422);
        assertThat(c.json().get("detail").asString()).contains("控量");
        assertThat(count("emergency_supply_request", "customer_code = ?", code)).as("nothing half-saved").isEqualTo(before);
    }

    @Test
    void onlyActiveLawAbidingCustomersWithMarkedPricesMayRequest() {
        People p = people();
        String general = brand(p, "GENERAL", "利群(新版)");
        String noPrices = customer(p, "markedPrices", false);
        var r = http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(noPrices, false, general, 10));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("明码实价");

        String serious = customer(p);
        var v = http.post("/api/v1/violations", p.officerToken(), Http.body("customerCode", serious, "type", "SERIOUS",
                "occurredOn", today().minusMonths(3).toString(), "description", "销售非法渠道卷烟"));
        assertThat(v.status()).as(v.toString()).isEqualTo(201);
        r = http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(serious, false, general, 10));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("守法经营");

        String repeated = customer(p);
        for (int i = 1; i <= 3; i++) {
            assertThat(http.post("/api/v1/violations", p.officerToken(), Http.body("customerCode", repeated,
                    "type", "MINOR", "occurredOn", today().minusDays(20L * i).toString(), "description", "未亮证经营"))
                    .status()).isEqualTo(201);
        }
        assertThat(http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(repeated, false, general, 10))
                .status()).isEqualTo(422);

        String suspended = customer(p);
        var s = http.patch("/api/v1/customers/" + suspended, p.mdToken(), Http.body("version", 0, "status", "SUSPENDED",
                "statusReason", "停业整顿"));
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        r = http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(suspended, false, general, 10));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("正常经营");
    }

    @Test
    void zeroFractionalOrUnknownInputIsA400NamingTheFieldAndSavesNothing() {
        People p = people();
        String code = customer(p);
        String general = brand(p, "GENERAL", "双喜(硬)");
        long before = count("emergency_supply_request", "requester = ?", p.cm());
        var zero = http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(code, false, general, 0));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(fields(zero.json())).containsExactly("lines[0].qty");
        var fraction = http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(code, false, general, 2.5));
        assertThat(fraction.status()).as(fraction.toString()).isEqualTo(400);
        assertThat(fields(fraction.json())).containsExactly("lines[0].qty");
        var negative = http.post("/api/v1/emergency-supply-requests", p.cmToken(), request(code, false, general, -3));
        assertThat(fields(negative.json())).containsExactly("lines[0].qty");
        var unknown = http.post("/api/v1/emergency-supply-requests", p.cmToken(), request("999999999999", false,
                "NO-SUCH-BRAND", 3));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(fields(unknown.json())).containsExactlyInAnyOrder("customerCode", "lines[0].brandCode");
        Map<String, Object> badEnum = request(code, false, general, 3);
        badEnum.put("reason", "PARTY");
        badEnum.put("eventDate", "2026-13-01");
        assertThat(fields(http.post("/api/v1/emergency-supply-requests", p.cmToken(), badEnum).json()))
                .containsExactlyInAnyOrder("reason", "eventDate");
        assertThat(count("emergency_supply_request", "requester = ?", p.cm())).isEqualTo(before);
        assertThat(http.post("/api/v1/brands", p.salesToken(), Http.body("code", general, "name", "重复",
                "supplyClass", "GENERAL")).status()).isEqualTo(409);
        assertThat(http.post("/api/v1/brands", p.salesToken(), Http.body("code", "X" + unique(), "name", "无类别",
                "supplyClass", "RARE")).status()).isEqualTo(400);
    }

    @Test
    void theApproverIsTheServiceHeadAtTheLimitAndTheDeputyAboveIt() {
        People p = people();
        var set = http.put("/api/v1/settings/emergency-supply", p.mdToken(), Http.body("serviceHeadMaxQty", 40));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("serviceHeadMaxQty").asInt()).isEqualTo(40);
        try {
            String code = customer(p);
            String a = brand(p, "GENERAL", "红河(硬)");
            String b = brand(p, "GENERAL", "七匹狼(白)");
            JsonNode atLimit = raise(p, request(code, false, a, 25, b, 15));
            assertThat(atLimit.get("status").asString()).isEqualTo("PENDING");
            assertThat(atLimit.get("totalQty").decimalValue()).isEqualByComparingTo("40");
            assertThat(atLimit.get("approverRole").asString()).isEqualTo("SERVICE_HEAD");
            assertThat(atLimit.get("waitingFor").asString()).isEqualTo("SERVICE_HEAD");
            JsonNode above = raise(p, request(code, false, a, 25, b, 16));
            assertThat(above.get("approverRole").asString()).isEqualTo("MARKETING_DEPUTY");
            assertThat(above.get("waitingFor").asString()).isEqualTo("MARKETING_DEPUTY");
        } finally {
            assertThat(http.put("/api/v1/settings/emergency-supply", p.salesToken(), Http.body("serviceHeadMaxQty", 50))
                    .status()).isEqualTo(200);
        }
        assertThat(http.put("/api/v1/settings/emergency-supply", p.mdToken(), Http.body("serviceHeadMaxQty", 2.5))
                .status()).isEqualTo(400);
        assertThat(http.put("/api/v1/settings/emergency-supply", p.mdToken(), Http.body("serviceHeadMaxQty", 50,
                "version", 0)).status()).as("a stale version").isEqualTo(409);
        assertThat(http.put("/api/v1/settings/emergency-supply", p.cmToken(), Http.body("serviceHeadMaxQty", 9))
                .status()).isEqualTo(403);
        assertThat(count("audit_event", "action = 'SUPPLY_THRESHOLD_SET' and actor = ?", p.md())).isEqualTo(1);
    }

    @Test
    void onlyTheRoleTheRequestWaitsForMayDecideIt_AndEachWaitingStepIsAToDoDueInHalfAWorkingDay() {
        People p = people();
        String code = customer(p, "orderDay", "WED");
        String a = brand(p, "GENERAL", "云烟(紫)");
        JsonNode r = raise(p, request(code, false, a, 20));
        long id = r.get("id").asLong();
        JsonNode step = r.get("steps").get(0);
        assertThat(step.get("state").asString()).isEqualTo("WAITING");
        assertThat(OffsetDateTime.parse(step.get("dueAt").asString()).toInstant()).isEqualTo(calendar.due(
                OffsetDateTime.parse(step.get("createdAt").asString()).toInstant(), new java.math.BigDecimal("0.5"),
                com.tobacco.retailcrm.calendar.api.WorkTimeUnit.WORKING_DAY));

        var todo = http.get("/api/v1/tasks?mine=true", p.headToken());
        assertThat(todo.status()).isEqualTo(200);
        assertThat(todo.json().toString()).contains("\"caseId\":" + id);

        for (String token : List.of(p.cmToken(), p.deputyToken(), p.mmToken(), p.mdToken())) {
            var denied = http.post("/api/v1/emergency-supply-requests/" + id + "/approve", token, Http.body("note", "同意"));
            assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.post("/api/v1/emergency-supply-requests/" + id + "/approve", adminToken("sysadmin"),
                Http.body("note", "x")).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/emergency-supply-requests/" + id + "/approve", p.headToken(),
                Http.body("note", "同意", "version", 7)).status()).as("stale").isEqualTo(409);
        var rejectWithoutReason = http.post("/api/v1/emergency-supply-requests/" + id + "/reject", p.headToken(), Map.of());
        assertThat(rejectWithoutReason.status()).isEqualTo(400);

        var approved = http.post("/api/v1/emergency-supply-requests/" + id + "/approve", p.headToken(),
                Http.body("note", "同意供货", "version", r.get("version").asLong()));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode done = approved.json();
        assertThat(done.get("status").asString()).isEqualTo("APPROVED");
        assertThat(done.get("decidedBy").asString()).isEqualTo(p.head());
        LocalDate supplyOn = LocalDate.parse(done.get("supplyOn").asString());
        assertThat(supplyOn.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(calendar.isWorkingDay(supplyOn)).isTrue();
        assertThat(supplyOn).isAfterOrEqualTo(today()).isBefore(today().plusWeeks(8));
        assertThat(done.get("steps").get(0).get("actor").asString()).isEqualTo(p.head());
        assertThat(http.post("/api/v1/emergency-supply-requests/" + id + "/approve", p.headToken(), Map.of()).status())
                .as("decided").isEqualTo(422);
        assertThat(count("audit_event", "action = 'SUPPLY_REQUEST_APPROVED' and target_id = ?", String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void aSpecialRequestIsReviewedByTheMarketManagerThenApprovedByTheDeputyWhateverTheQuantity_SuppliedNextWorkingDay() {
        People p = people();
        String code = customer(p, "orderDay", "MON");
        String a = brand(p, "GENERAL", "黄金叶(乐途)");
        JsonNode r = raise(p, request(code, true, a, 2));
        long id = r.get("id").asLong();
        assertThat(r.get("approverRole").asString()).isEqualTo("MARKETING_DEPUTY");
        assertThat(r.get("waitingFor").asString()).isEqualTo("MARKET_MANAGER");
        assertThat(http.post("/api/v1/emergency-supply-requests/" + id + "/approve", p.deputyToken(), Map.of()).status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/emergency-supply-requests/" + id + "/approve", p.headToken(), Map.of()).status())
                .isEqualTo(403);
        var reviewed = http.post("/api/v1/emergency-supply-requests/" + id + "/approve", p.mmToken(),
                Http.body("note", "情况属实"));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(reviewed.json().get("waitingFor").asString()).isEqualTo("MARKETING_DEPUTY");
        assertThat(http.post("/api/v1/emergency-supply-requests/" + id + "/approve", p.mmToken(), Map.of()).status())
                .isEqualTo(403);
        var approved = http.post("/api/v1/emergency-supply-requests/" + id + "/approve", p.deputyToken(), Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode done = approved.json();
        assertThat(done.get("status").asString()).isEqualTo("APPROVED");
        LocalDate approvedOn = OffsetDateTime.parse(done.get("decidedAt").asString()).atZoneSameInstant(ZONE).toLocalDate();
        assertThat(done.get("supplyOn").asString()).isEqualTo(calendar.addWorkingDays(approvedOn, 1).toString());
        assertThat(done.get("steps")).hasSize(2);
    }

    @Test
    void aRejectionEndsTheRequestWithItsReason_AndTheListFiltersByStatus() {
        People p = people();
        String code = customer(p);
        String a = brand(p, "GENERAL", "白沙(精品)");
        long id = raise(p, request(code, false, a, 60)).get("id").asLong();
        var rejected = http.post("/api/v1/emergency-supply-requests/" + id + "/reject", p.deputyToken(),
                Http.body("note", "数量过大，请按正常订货"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("supplyOn").isNull()).isTrue();
        assertThat(rejected.json().get("steps").get(0).get("comment").asString()).isEqualTo("数量过大，请按正常订货");
        var list = http.get("/api/v1/emergency-supply-requests?status=REJECTED&size=200", p.cmToken());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").toString()).contains("\"id\":" + id);
        assertThat(http.get("/api/v1/emergency-supply-requests?status=PENDING&size=200", p.cmToken()).json()
                .get("items").toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(http.get("/api/v1/emergency-supply-requests?status=NOPE", p.cmToken()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/emergency-supply-requests/" + id, p.headToken()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/emergency-supply-requests", adminToken("sysadmin")).status()).isEqualTo(403);
        var excel = http.get("/api/v1/emergency-supply-requests/export?month="
                + java.time.YearMonth.from(today()), p.headToken());
        assertThat(excel.status()).isEqualTo(200);
        assertThat(excel.contentType()).contains("spreadsheetml");
        assertThat(excel.body()).startsWith("PK");
        assertThat(count("audit_event", "action = 'SUPPLY_REQUESTS_EXPORTED' and actor = ?", p.head())).isEqualTo(1);
        assertThat(http.get("/api/v1/emergency-supply-requests/export?month=2026-13", p.headToken()).status())
                .isEqualTo(400);
        People other = people();
        assertThat(http.get("/api/v1/emergency-supply-requests/" + id, other.cmToken()).status())
                .as("another county's manager").isEqualTo(404);
    }

    @Test
    void onlyTheCustomersOwnManagerMayRequest() {
        People p = people();
        People other = people();
        String code = customer(p);
        String a = brand(p, "GENERAL", "南京(炫赫门)");
        var r = http.post("/api/v1/emergency-supply-requests", other.cmToken(), request(code, false, a, 5));
        assertThat(r.status()).isIn(403, 400);
        assertThat(http.post("/api/v1/emergency-supply-requests", p.mdToken(), request(code, false, a, 5)).status())
                .isEqualTo(403);
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
