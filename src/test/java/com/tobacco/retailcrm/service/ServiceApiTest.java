package com.tobacco.retailcrm.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.FileTransfer;
import com.tobacco.retailcrm.support.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Service items, visits, coverage, the week plan, overdue to-dos, photos and care over HTTP. */
class ServiceApiTest extends ServiceTestBase {

    @Test
    void serviceItemsAreSeededAndEditedWithTheirVersionKeepingHistory() {
        People p = people();
        var list = http.get("/api/v1/service-items", p.cmToken());
        assertThat(list.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        list.json().forEach(i -> codes.add(i.get("code").asString()));
        assertThat(codes).contains("ONBOARDING", "VISIT", "ORDERING", "SUPPLY", "DELIVERY", "SETTLEMENT", "COMPLAINT",
                "GUIDANCE", "INFORMATION", "BRAND", "TRAINING", "VULNERABLE", "CARE", "SUPPLY_DISCLOSURE");
        JsonNode visit = find(list.json(), "VISIT");
        assertThat(visit.get("category").asString()).isEqualTo("BASIC");
        assertThat(visit.get("standard").asString()).contains("销售异动");

        JsonNode honour = find(list.json(), "HONOUR");
        long version = honour.get("version").asLong();
        var forbidden = http.put("/api/v1/service-items/HONOUR", p.cmToken(), Http.body("name", "x", "standard", "y",
                "version", version));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).contains("application/problem+json");
        var missingVersion = http.put("/api/v1/service-items/HONOUR", p.mdToken(), Http.body("name", "荣誉激励",
                "standard", " "));
        assertThat(missingVersion.status()).isEqualTo(400);
        assertThat(fields(missingVersion.json())).containsExactlyInAnyOrder("standard", "version");
        var saved = http.put("/api/v1/service-items/HONOUR", p.mdToken(), Http.body("name", "荣誉激励",
                "standard", "授诚信等级牌，供货倾斜。" + unique(), "version", version));
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        assertThat(saved.json().get("version").asLong()).isEqualTo(version + 1);
        var stale = http.put("/api/v1/service-items/HONOUR", p.mdToken(), Http.body("name", "荣誉激励",
                "standard", "旧版本上的修改", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        var one = http.get("/api/v1/service-items/HONOUR", p.cmToken()).json();
        assertThat(one.get("history").get(0).get("version").asLong()).isEqualTo(version);
        assertThat(one.get("history").get(0).get("standard").asString()).isEqualTo(honour.get("standard").asString());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SERVICE_ITEM_UPDATE' and target_id = 'HONOUR'",
                Long.class)).isPositive();
        assertThat(http.put("/api/v1/service-items/NOPE", p.mdToken(), Http.body("name", "a", "standard", "b",
                "version", 0)).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/service-items", adminToken("sysadmin")).status()).isEqualTo(403);
    }

    @Test
    void aVisitInTheFutureIsRefused() {
        People p = people();
        String code = customer(p, "未来店" + unique());
        var r = http.post("/api/v1/visits", p.cmToken(), visit(code, Duration.ofMinutes(-10)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("visitedAt");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("拜访时间不能晚于当前时间");
        assertThat(count(code)).isZero();
    }

    @Test
    void aVisitBeforeTheCustomerExistedOrMoreThan31DaysBackIsRefused() {
        People p = people();
        String code = customer(p, "新开店" + unique());
        var before = http.post("/api/v1/visits", p.cmToken(), visit(code, Duration.ofDays(2)));
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.json().get("errors").get(0).get("message").asString()).isEqualTo("拜访时间不能早于客户建档日期");
        var old = http.post("/api/v1/visits", p.cmToken(), visit(code, Duration.ofDays(32)));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().get("errors").get(0).get("message").asString()).isEqualTo("拜访时间不能早于 31 天前");
        var bad = http.post("/api/v1/visits", p.cmToken(), visit(code, Duration.ofMinutes(5), "purpose", "PARTY",
                "findings", " ", "checkedFields", List.of("noSuchField")));
        assertThat(fields(bad.json())).containsExactlyInAnyOrder("purpose", "findings", "checkedFields");
        assertThat(count(code)).isZero();
    }

    @Test
    void onlyTheCustomersOwnManagerOrAManagerAboveMayRecordAVisit() {
        People p = people();
        String code = customer(p, "范围店" + unique());
        var own = http.post("/api/v1/visits", p.cmToken(), visit(code, Duration.ofMinutes(30),
                "checkedFields", List.of("storeName", "address"), "wrongFields", List.of("address"),
                "salesAnomaly", "本周购进量下降三成", "nextActions", "核实地址后提交变更"));
        assertThat(own.status()).as("%s", own).isEqualTo(201);
        assertThat(own.json().get("visitedBy").asString()).isEqualTo(p.cm());
        assertThat(own.json().get("wrongFields").get(0).asString()).isEqualTo("address");
        assertThat(http.post("/api/v1/visits", p.mmToken(), visit(code, Duration.ofMinutes(20))).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/visits", p.headToken(), visit(code, Duration.ofMinutes(10))).status()).isEqualTo(201);
        var colleague = http.post("/api/v1/visits", p.cm2Token(), visit(code, Duration.ofMinutes(10)));
        assertThat(colleague.status()).isIn(403, 404);
        assertThat(colleague.contentType()).contains("application/problem+json");
        assertThat(http.post("/api/v1/visits", p.mdToken(), visit(code, Duration.ofMinutes(10))).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/visits", adminToken("sysadmin"), visit(code, Duration.ofMinutes(10))).status())
                .isEqualTo(403);
        assertThat(count(code)).isEqualTo(3);

        var mine = http.get("/api/v1/visits?customerCode=" + code, p.cmToken()).json();
        assertThat(mine.get("total").asLong()).isEqualTo(3);
        assertThat(http.get("/api/v1/visits?customerCode=" + code, p.cm2Token()).json().get("total").asLong()).isZero();
        assertThat(http.get("/api/v1/visits?customerCode=" + code + "&manager=" + p.mm(), p.mdToken()).json()
                .get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/visits?from=2026-13-01", p.cmToken()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/visits/" + own.json().get("id").asLong(), p.cm2Token()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/visits", adminToken("sysadmin")).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'VISIT_RECORD' and customer_code = ?",
                Long.class, code)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aVisitBeyondTheDueNumberDoesNotCountTwice() {
        People p = people();
        String weekly = customer(p, "周访店" + unique(), "visitCycle", "WEEKLY");
        String biweekly = customer(p, "双周店" + unique(), "visitCycle", "BIWEEKLY");
        String monthly = customer(p, "月访店" + unique(), "visitCycle", "MONTHLY");
        // June 2026: ISO weeks starting Mon 1, 8, 15, 22, 29 → weekly 5, biweekly 3, monthly 1
        for (int day : new int[]{1, 3, 8, 15, 22, 29, 30}) {
            pastVisit(weekly, p.cm(), LocalDate.of(2026, 6, day), "ROUTINE");
        }
        pastVisit(biweekly, p.cm(), LocalDate.of(2026, 6, 10), "CARE");
        pastVisit(monthly, p.cm(), LocalDate.of(2026, 5, 31), "ROUTINE");
        pastVisit(monthly, p.cm(), LocalDate.of(2026, 7, 1), "ROUTINE");

        var r = http.get("/api/v1/visits/coverage?month=2026-06", p.cmToken());
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("month").asString()).isEqualTo("2026-06");
        assertThat(body.get("managers")).hasSize(1);
        JsonNode line = body.get("managers").get(0);
        assertThat(line.get("manager").asString()).isEqualTo(p.cm());
        assertThat(line.get("due").asInt()).isEqualTo(9);
        assertThat(line.get("visited").asInt()).as("7 weekly visits count 5, one care visit counts, visits outside June do not").isEqualTo(6);
        assertThat(line.get("coverage").asString()).isEqualTo("0.6667");
        assertThat(body.get("total").get("coverage").asString()).isEqualTo("0.6667");
        assertThat(body.get("counties").get(0).get("countyCode").asString()).isEqualTo(p.county());
    }

    @Test
    void coverageCountsIsoWeeksStartingInTheMonthAndIsScopedToTheCaller() {
        People p = people();
        String weekly = customer(p, "周访店" + unique(), "visitCycle", "WEEKLY");
        // July 2026 starts on a Wednesday: Wed 1 July belongs to the ISO week of Mon 29 June, so July has 4 weeks
        pastVisit(weekly, p.cm(), LocalDate.of(2026, 7, 1), "ROUTINE");
        JsonNode july = http.get("/api/v1/visits/coverage?month=2026-07", p.cmToken()).json();
        assertThat(july.get("total").get("due").asInt()).isEqualTo(4);
        assertThat(july.get("total").get("visited").asInt()).isEqualTo(1);
        assertThat(july.get("total").get("coverage").asString()).isEqualTo("0.2500");
        JsonNode team = http.get("/api/v1/visits/coverage?month=2026-07", p.mmToken()).json();
        assertThat(team.get("total").get("due").asInt()).isEqualTo(4);
        JsonNode colleague = http.get("/api/v1/visits/coverage?month=2026-07", p.cm2Token()).json();
        assertThat(colleague.get("total").get("due").asInt()).isZero();
        assertThat(colleague.get("total").get("coverage").isNull()).isTrue();
        var bad = http.get("/api/v1/visits/coverage?month=2026-7x", p.cmToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(http.get("/api/v1/visits/coverage", adminToken("auditadmin")).status()).isEqualTo(403);
    }

    @Test
    void anOverdueVisitIsOnTheWeekPlanOldestFirstAndOnTheToDoListUntilItIsMade() {
        People p = people();
        String late = customer(p, "逾期店" + unique(), "visitCycle", "WEEKLY");
        String fresh = customer(p, "新户" + unique(), "visitCycle", "MONTHLY");
        pastVisit(late, p.cm(), today().minusDays(10), "ROUTINE");

        JsonNode plan = http.get("/api/v1/visits/due", p.cmToken()).json();
        assertThat(plan.get(0).get("customerCode").asString()).isEqualTo(late);
        assertThat(plan.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(plan.get(0).get("dueOn").asString()).isEqualTo(today().minusDays(3).toString());
        assertThat(plan.get(1).get("customerCode").asString()).as("never visited: due since it joined").isEqualTo(fresh);
        assertThat(http.get("/api/v1/visits/due?manager=" + p.cm(), p.mmToken()).json()).hasSize(2);
        assertThat(http.get("/api/v1/visits/due?manager=" + p.cm(), p.cm2Token()).status()).isEqualTo(403);

        JsonNode tasks = http.get("/api/v1/tasks?mine=true", p.cmToken()).json().get("items");
        List<String> names = new ArrayList<>();
        tasks.forEach(t -> names.add(t.get("caseType").asString() + ":" + t.get("caseTitle").asString()));
        assertThat(names).anyMatch(n -> n.startsWith("VISIT:逾期店"));
        String taskId = null;
        for (JsonNode t : tasks) {
            if ("VISIT".equals(t.get("caseType").asString())) {
                taskId = t.get("id").asString();
            }
        }
        var complete = http.post("/api/v1/tasks/" + taskId + "/complete", p.cmToken(), Http.body("action", "DONE"));
        assertThat(complete.status()).isEqualTo(422);

        assertThat(http.post("/api/v1/visits", p.cmToken(), visit(late, Duration.ofMinutes(1))).status()).isEqualTo(201);
        var after = http.get("/api/v1/tasks?mine=true", p.cmToken());
        assertThat(after.status()).as("%s", after).isEqualTo(200);
        after.json().get("items").forEach(t -> assertThat(t.get("caseType").asString()).isNotEqualTo("VISIT"));
    }

    @Test
    void visitPhotosAreJpegOrPngKeptInTheArchivesPhotoStore() throws Exception {
        People p = people();
        String code = customer(p, "拍照店" + unique());
        long id = http.post("/api/v1/visits", p.cmToken(), visit(code, Duration.ofMinutes(5))).json().get("id").asLong();
        var files = new FileTransfer(http.base());
        var png = files.upload("/api/v1/visits/" + id + "/photos", p.cmToken(), "shop.png", png(), Map.of());
        assertThat(png.status()).as("%s", png).isEqualTo(201);
        assertThat(png.json().get("contentType").asString()).isEqualTo("image/png");
        var text = files.upload("/api/v1/visits/" + id + "/photos", p.cmToken(), "shop.png",
                "not an image".getBytes(), Map.of());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(files.upload("/api/v1/visits/" + id + "/photos", p.cm2Token(), "shop.png", png(), Map.of()).status())
                .isIn(403, 404);
        var photo = http.get("/api/v1/visits/" + id + "/photos/" + png.json().get("id").asLong(), p.cmToken());
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.contentType()).isEqualTo("image/png");
        assertThat(http.get("/api/v1/visits/" + id, p.mmToken()).json().get("photos")).hasSize(1);
    }

    @Test
    void careListsBirthdaysAnniversariesAndVulnerableCustomersUntilACareVisit() {
        People p = people();
        DateTimeFormatter mmdd = DateTimeFormatter.ofPattern("MM-dd");
        String birthday = customer(p, "生日店" + unique(), "birthday", today().plusDays(3).format(mmdd));
        String later = customer(p, "远生日" + unique(), "birthday", today().plusDays(40).format(mmdd));
        String anniversary = customer(p, "周年店" + unique(), "openedOn", today().plusDays(5).minusYears(3).toString());
        String vulnerable = customer(p, "关怀店" + unique(), "vulnerableGroup", "true", "vulnerableKind", "ELDERLY_ALONE");

        JsonNode care = http.get("/api/v1/care/upcoming?days=14", p.cmToken()).json();
        List<String> kinds = new ArrayList<>();
        care.get("items").forEach(i -> kinds.add(i.get("kind").asString() + ":" + i.get("customerCode").asString()));
        assertThat(kinds).contains("BIRTHDAY:" + birthday, "ANNIVERSARY:" + anniversary, "VULNERABLE:" + vulnerable)
                .doesNotContain("BIRTHDAY:" + later);
        for (JsonNode i : care.get("items")) {
            if (i.get("customerCode").asString().equals(anniversary)) {
                assertThat(i.get("years").asInt()).isEqualTo(3);
            }
        }
        assertThat(http.get("/api/v1/care/upcoming?days=14", p.cm2Token()).json().get("items")).isEmpty();

        assertThat(http.post("/api/v1/visits", p.cmToken(), visit(vulnerable, Duration.ofMinutes(1), "purpose", "CARE"))
                .status()).isEqualTo(201);
        JsonNode after = http.get("/api/v1/care/upcoming?days=14", p.cmToken()).json();
        after.get("items").forEach(i -> assertThat(i.get("customerCode").asString()).isNotEqualTo(vulnerable));
        assertThat(http.get("/api/v1/visits/coverage", p.cmToken()).json().get("total").get("visited").asInt())
                .as("a care visit counts as a visit").isPositive();
        assertThat(http.get("/api/v1/care/upcoming?days=0", p.cmToken()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/care/upcoming", adminToken("secadmin")).status()).isEqualTo(403);
    }

    @Test
    void visitCycleDefaultsAreTheMarketDepartmentsWithTheirVersion() {
        People p = people();
        JsonNode current = http.get("/api/v1/settings/visit-cycles", p.cmToken()).json();
        long version = current.get("version").asLong();
        assertThat(http.put("/api/v1/settings/visit-cycles", p.cmToken(), Http.body("unclassified", "WEEKLY",
                "version", version)).status()).isEqualTo(403);
        var bad = http.put("/api/v1/settings/visit-cycles", p.mdToken(), Http.body("byScale", Map.of("4", "WEEKLY",
                "1", "DAILY"), "version", version));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.json())).containsExactlyInAnyOrder("byScale.4", "byScale.1");
        String code = customer(p, "默认周期" + unique());
        pastVisit(code, p.cm(), LocalDate.of(2026, 6, 2), "ROUTINE");
        String unclassified = current.get("unclassified").asString();
        try {
            var saved = http.put("/api/v1/settings/visit-cycles", p.mdToken(), Http.body("unclassified", "WEEKLY",
                    "version", version));
            assertThat(saved.status()).as("%s", saved).isEqualTo(200);
            assertThat(saved.json().get("version").asLong()).isEqualTo(version + 1);
            assertThat(http.get("/api/v1/visits/coverage?month=2026-06", p.cmToken()).json().get("total").get("due")
                    .asInt()).as("an unclassified customer without visitCycle follows the default").isEqualTo(5);
            assertThat(http.put("/api/v1/settings/visit-cycles", p.mdToken(), Http.body("unclassified", "MONTHLY",
                    "version", version)).status()).isEqualTo(409);
        } finally {
            long now = http.get("/api/v1/settings/visit-cycles", p.cmToken()).json().get("version").asLong();
            http.put("/api/v1/settings/visit-cycles", p.mdToken(), Http.body("unclassified", unclassified, "version", now));
        }
        assertThat(http.get("/api/v1/visits/coverage?month=2026-06", p.cmToken()).json().get("total").get("due")
                .asInt()).isEqualTo(1);
    }

    private long count(String code) {
        return jdbc.queryForObject("select count(*) from visit where customer_code = ?", Long.class, code);
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode i : list) {
            if (i.get("code").asString().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no item " + code);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
