package com.tobacco.retailcrm.maintenance.upkeep;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scheduled upkeep: the right tasks for the right people, once per subject and period however often a job runs. */
class UpkeepSchedulerTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A JSON string; a time with the company's offset. */
    private static final String TEXT = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final String TIME = "\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\+08:00\"";

    @Test
    void runningEveryJobTwiceCreatesNoDuplicateTasks() throws Exception {
        String county = orgUnit("COUNTY", rootOrgCode(), "维护县" + unique());
        String cmName = "cm" + unique();
        String cm = userWithRoles(cmName, county, null, List.of("CUSTOMER_MANAGER"));
        String mdName = "md" + unique();
        String md = userWithRoles(mdName, orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique()), null,
                List.of("MARKET_DEPT"));
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        String soon = customer(md, county, cmName, today.plusDays(10));
        String later = customer(md, county, cmName, today.plusDays(40));

        for (int i = 0; i < 2; i++) {
            for (String job : List.of("HALF_YEAR_REVIEW", "QUARTERLY_ADJUSTMENT", "LICENCE_EXPIRY", "MONTHLY_CLASS_REPORT")) {
                var r = http.post("/api/v1/upkeep/runs", adminToken("sysadmin"), Http.body("job", job));
                assertThat(r.status()).as("%s run %d: %s", job, i, r).isEqualTo(200);
                if (i == 1 && !job.equals("MONTHLY_CLASS_REPORT")) {
                    assertThat(r.json().get("created").asInt()).as("second run of %s", job).isZero();
                }
            }
        }
        assertThat(count("HALF_YEAR_REVIEW", soon)).isEqualTo(1);
        assertThat(count("HALF_YEAR_REVIEW", later)).isEqualTo(1);
        assertThat(count("QUARTERLY_ADJUSTMENT", cmName)).isEqualTo(1);
        assertThat(count("LICENCE_EXPIRY", soon)).isEqualTo(1);
        assertThat(count("LICENCE_EXPIRY", later)).as("expires beyond 30 days").isZero();
        String lastMonth = YearMonth.from(today).minusMonths(1).toString();
        assertThat(jdbc.queryForObject("select count(*) from upkeep_task where kind = 'MONTHLY_CLASS_REPORT' and period = ?",
                Integer.class, lastMonth)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'upkeep-HALF_YEAR_REVIEW'",
                Integer.class)).isEqualTo(1);

        JsonNode mine = http.get("/api/v1/upkeep-tasks?size=500", cm).json();
        List<String> kinds = new ArrayList<>();
        mine.get("items").forEach(t -> kinds.add(t.get("kind").asString() + ":" + t.get("subject").asString()));
        assertThat(kinds).containsExactlyInAnyOrder("HALF_YEAR_REVIEW:" + soon, "HALF_YEAR_REVIEW:" + later,
                "QUARTERLY_ADJUSTMENT:" + cmName, "LICENCE_EXPIRY:" + soon);

        JsonNode report = null;
        for (JsonNode t : http.get("/api/v1/upkeep-tasks?size=500", md).json().get("items")) {
            if (t.get("kind").asString().equals("MONTHLY_CLASS_REPORT") && t.get("period").asString().equals(lastMonth)) {
                report = t;
            }
        }
        assertThat(report).as("the market department's monthly report").isNotNull();
        assertThat(OffsetDateTime.parse(report.get("dueAt").asString()).atZoneSameInstant(ZONE).toLocalDateTime())
                .isEqualTo(YearMonth.from(today).atDay(3).atTime(17, 0));
        assertThat(pageAs(mdName, "/upkeep?kind=MONTHLY_CLASS_REPORT")).as("the upkeep page opens the report")
                .contains("/classification/adjustments?month=" + lastMonth);
        assertThat(pageAs(cmName, "/upkeep")).as("the page names the assignee as colleagues know them")
                .contains(">测试" + cmName + "<").doesNotContain(">" + cmName + "<");
    }

    @Test
    void jobsRunAtTheSameTimeStillCreateOneTaskPerCustomer() {
        String county = orgUnit("COUNTY", rootOrgCode(), "并发县" + unique());
        String cmName = "cm" + unique();
        userWithRoles(cmName, county, null, List.of("CUSTOMER_MANAGER"));
        String md = userWithRoles("md" + unique(), orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique()), null,
                List.of("MARKET_DEPT"));
        String code = customer(md, county, cmName, null);
        String admin = adminToken("sysadmin");
        var a = CompletableFuture.supplyAsync(() -> http.post("/api/v1/upkeep/runs", admin, Http.body("job", "HALF_YEAR_REVIEW")));
        var b = CompletableFuture.supplyAsync(() -> http.post("/api/v1/upkeep/runs", admin, Http.body("job", "HALF_YEAR_REVIEW")));
        List<Integer> statuses = List.of(a.join().status(), b.join().status());
        assertThat(statuses).as("one runs, the other runs after it or is told another holds the lock")
                .allMatch(s -> s == 200 || s == 409).contains(200);
        assertThat(count("HALF_YEAR_REVIEW", code)).isEqualTo(1);
    }

    @Test
    void onlySystemAdminsTriggerJobsAndOnlyTheAssigneeCompletesATask() {
        String county = orgUnit("COUNTY", rootOrgCode(), "权限县" + unique());
        String cmName = "cm" + unique();
        String cm = userWithRoles(cmName, county, null, List.of("CUSTOMER_MANAGER"));
        String other = userWithRoles("cm" + unique(), county, null, List.of("CUSTOMER_MANAGER"));
        String md = userWithRoles("md" + unique(), orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique()), null,
                List.of("MARKET_DEPT"));
        String code = customer(md, county, cmName, null);
        assertThat(http.post("/api/v1/upkeep/runs", md, Http.body("job", "HALF_YEAR_REVIEW")).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/upkeep/runs", adminToken("sysadmin"), Http.body("job", "NOPE")).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/upkeep/runs", adminToken("sysadmin"), Http.body("job", "HALF_YEAR_REVIEW")).status())
                .isEqualTo(200);
        long id = jdbc.queryForObject("select id from upkeep_task where kind = 'HALF_YEAR_REVIEW' and subject = ?",
                Long.class, code);
        assertThat(http.post("/api/v1/upkeep-tasks/" + id + "/complete", other, Http.body("comment", "x")).status())
                .isEqualTo(403);
        var done = http.post("/api/v1/upkeep-tasks/" + id + "/complete", cm, Http.body("comment", "已复核，无变化"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("completedBy").asString()).isEqualTo(cmName);
        assertThat(http.post("/api/v1/upkeep-tasks/" + id + "/complete", cm, Http.body("comment", "x")).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/upkeep-tasks", cm).json().get("total").asLong()).as("done tasks leave the list").isZero();
    }

    /**
     * An upkeep task completed from the to-do list ({@code POST /api/v1/tasks/UP-<id>/complete}) answers the task as
     * {@code POST /api/v1/upkeep-tasks/{id}/complete} does: the same fields in the same order, nulls written out, times
     * with the company's offset.
     */
    @Test
    void completingFromTheToDoListAnswersTheUpkeepTaskAsItsOwnEndpointDoes() {
        String county = orgUnit("COUNTY", rootOrgCode(), "待办县" + unique());
        String cmName = "cm" + unique();
        String cm = userWithRoles(cmName, county, null, List.of("CUSTOMER_MANAGER"));
        String md = userWithRoles("md" + unique(), orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique()), null,
                List.of("MARKET_DEPT"));
        String viaToDo = customer(md, county, cmName, null);
        String viaUpkeep = customer(md, county, cmName, null);
        assertThat(http.post("/api/v1/upkeep/runs", adminToken("sysadmin"), Http.body("job", "HALF_YEAR_REVIEW")).status())
                .isEqualTo(200);
        var fromToDo = http.post("/api/v1/tasks/UP-" + taskOf(viaToDo) + "/complete", cm,
                Http.body("action", "DONE", "comment", "已复核"));
        var fromUpkeep = http.post("/api/v1/upkeep-tasks/" + taskOf(viaUpkeep) + "/complete", cm,
                Http.body("comment", "已复核"));
        assertThat(fromToDo.status()).as("%s", fromToDo).isEqualTo(200);
        assertThat(fromUpkeep.status()).as("%s", fromUpkeep).isEqualTo(200);
        for (var done : List.of(fromToDo, fromUpkeep)) {
            String code = done == fromToDo ? viaToDo : viaUpkeep;
            assertThat(done.body()).matches("\\{\"id\":" + taskOf(code) + ",\"kind\":\"HALF_YEAR_REVIEW\",\"name\":"
                    + TEXT + ",\"subject\":\"" + code + "\",\"period\":" + TEXT + ",\"customerCode\":\"" + code
                    + "\",\"assignee\":\"" + cmName + "\",\"candidateRole\":null,\"detail\":" + TEXT
                    + ",\"createdAt\":" + TIME + ",\"dueAt\":" + TIME + ",\"overdue\":false,\"completedBy\":\""
                    + cmName + "\",\"completedAt\":" + TIME + ",\"comment\":\"已复核\"}");
        }
    }

    /**
     * A half-year review completed with data ({@code POST /api/v1/tasks/UP-<id>/complete}) applies the STATIC fields
     * the manager confirms or corrects as an edit of the customer, with the history naming the task.
     */
    @Test
    void aHalfYearReviewsDataIsAppliedAsAnEditNamingTheTask() {
        Review r = review("复核县");
        var done = http.post("/api/v1/tasks/UP-" + r.task() + "/complete", r.cm(), Http.body("action", "DONE",
                "comment", "已复核，营业时间有变", "data", Http.body("version", 0, "openingHours", "8:00-22:00",
                        "counterCount", 3)));
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.json().get("completedAt").isNull()).isFalse();
        JsonNode customer = http.get("/api/v1/customers/" + r.code(), r.cm()).json();
        assertThat(customer.get("openingHours").asString()).isEqualTo("8:00-22:00");
        assertThat(customer.get("counterCount").asInt()).isEqualTo(3);
        assertThat(customer.get("version").asLong()).isEqualTo(1);
        List<String> sources = new ArrayList<>();
        http.get("/api/v1/customers/" + r.code() + "/history", r.cm()).json().forEach(h -> {
            if (List.of("openingHours", "counterCount").contains(h.get("field").asString())) {
                sources.add(h.get("source").asString());
            }
        });
        assertThat(sources).containsExactly("UPKEEP:" + r.task(), "UPKEEP:" + r.task());
    }

    /**
     * A review's data keeps every rule of an edit (the reviewer's own permission, the version, the field rules) and
     * takes only STATIC fields; a refusal is a 400/403/409 naming the field, and the task stays open, the customer as
     * it was.
     */
    @Test
    void aHalfYearReviewsDataKeepsTheRulesOfAnEditAndTakesOnlyStaticFields() {
        Review r = review("复核规则县");
        String path = "/api/v1/tasks/UP-" + r.task() + "/complete";
        var outsidePermission = http.post(path, r.cm(), Http.body("action", "DONE", "data",
                Http.body("version", 0, "storeName", "改名店")));
        assertThat(outsidePermission.status()).as("a manager may not rename the store: %s", outsidePermission)
                .isEqualTo(403);
        assertThat(fieldsOf(outsidePermission)).containsExactly("storeName");
        var notStatic = http.post(path, r.cm(), Http.body("action", "DONE", "data",
                Http.body("version", 0, "mobilePhone", "13912345678", "nonsense", "x")));
        assertThat(notStatic.status()).as("%s", notStatic).isEqualTo(400);
        assertThat(fieldsOf(notStatic)).containsExactlyInAnyOrder("mobilePhone", "nonsense");
        var noVersion = http.post(path, r.cm(), Http.body("action", "DONE", "data", Http.body("openingHours", "8-20")));
        assertThat(noVersion.status()).as("%s", noVersion).isEqualTo(400);
        assertThat(fieldsOf(noVersion)).containsExactly("version");
        var badValue = http.post(path, r.cm(), Http.body("action", "DONE", "data",
                Http.body("version", 0, "counterCount", "many")));
        assertThat(badValue.status()).as("%s", badValue).isEqualTo(400);
        assertThat(fieldsOf(badValue)).containsExactly("counterCount");
        assertThat(http.patch("/api/v1/customers/" + r.code(), r.cm(), Map.of("version", 0, "consumerGroup", "学生"))
                .status()).isEqualTo(200);
        var stale = http.post(path, r.cm(), Http.body("action", "DONE", "data",
                Http.body("version", 0, "openingHours", "8-20")));
        assertThat(stale.status()).as("the customer changed since the manager reviewed it: %s", stale).isEqualTo(409);
        assertThat(http.get("/api/v1/customers/" + r.code(), r.cm()).json().get("version").asLong())
                .as("nothing of the refused reviews applied").isEqualTo(1);
        assertThat(jdbc.queryForObject("select completed_at is null from upkeep_task where id = ?", Boolean.class,
                r.task())).as("the task stays open").isTrue();
        var confirmed = http.post("/api/v1/upkeep-tasks/" + r.task() + "/complete", r.cm(), Http.body("comment",
                "已复核，无变化", "data", Http.body("version", 1, "consumerGroup", "学生")));
        assertThat(confirmed.status()).as("confirming the current value, on the upkeep endpoint too: %s", confirmed)
                .isEqualTo(200);
        assertThat(http.get("/api/v1/customers/" + r.code(), r.cm()).json().get("version").asLong())
                .as("a confirmed value changes nothing").isEqualTo(1);
    }

    /**
     * The reminders and the monthly report take no data and an upkeep task is completed with DONE: anything else sent
     * is refused with 400 naming it, never silently dropped.
     */
    @Test
    void dataAnUpkeepTaskDoesNotTakeIsRefusedNamingTheField() {
        Review r = review("无数据县");
        long quarterly = jdbc.queryForObject(
                "select id from upkeep_task where kind = 'QUARTERLY_ADJUSTMENT' and subject = ? and completed_at is null",
                Long.class, r.cmName());
        var refused = http.post("/api/v1/tasks/UP-" + quarterly + "/complete", r.cm(), Http.body("action", "DONE",
                "data", Http.body("deliveryRoute", "R1")));
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(fieldsOf(refused)).containsExactly("deliveryRoute");
        var viaUpkeep = http.post("/api/v1/upkeep-tasks/" + quarterly + "/complete", r.cm(), Http.body("data",
                Http.body("version", 0)));
        assertThat(viaUpkeep.status()).as("%s", viaUpkeep).isEqualTo(400);
        assertThat(fieldsOf(viaUpkeep)).containsExactly("version");
        var approve = http.post("/api/v1/tasks/UP-" + quarterly + "/complete", r.cm(), Http.body("action", "APPROVE"));
        assertThat(approve.status()).as("%s", approve).isEqualTo(400);
        assertThat(fieldsOf(approve)).containsExactly("action");
        assertThat(http.post("/api/v1/tasks/UP-" + quarterly + "/complete", r.cm(), Http.body("action", "DONE",
                "comment", "已调整")).status()).isEqualTo(200);
    }

    /** A customer manager's customer with an open half-year review (and the manager's quarterly reminder). */
    private record Review(String cmName, String cm, String code, long task) {
    }

    private Review review(String countyName) {
        String county = orgUnit("COUNTY", rootOrgCode(), countyName + unique());
        String cmName = "cm" + unique();
        String cm = userWithRoles(cmName, county, null, List.of("CUSTOMER_MANAGER"));
        String md = userWithRoles("md" + unique(), orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique()), null,
                List.of("MARKET_DEPT"));
        String code = customer(md, county, cmName, null);
        for (String job : List.of("HALF_YEAR_REVIEW", "QUARTERLY_ADJUSTMENT")) {
            assertThat(http.post("/api/v1/upkeep/runs", adminToken("sysadmin"), Http.body("job", job)).status())
                    .isEqualTo(200);
        }
        return new Review(cmName, cm, code, taskOf(code));
    }

    private static List<String> fieldsOf(Http.Response r) {
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private long taskOf(String customerCode) {
        return jdbc.queryForObject("select id from upkeep_task where kind = 'HALF_YEAR_REVIEW' and subject = ?",
                Long.class, customerCode);
    }

    private int count(String kind, String subject) {
        return jdbc.queryForObject("select count(*) from upkeep_task where kind = ? and subject = ?", Integer.class,
                kind, subject);
    }

    private String customer(String md, String county, String manager, LocalDate expiry) {
        String code = digits(12);
        var body = Http.body("customerCode", code, "licenceNo", digits(12), "storeName", "维护店" + unique(),
                "retailFormat", "1", "marketType", "2", "customerManager", manager, "countyCode", county);
        if (expiry != null) {
            body.put("licenceExpiryDate", expiry.toString());
        }
        var r = http.post("/api/v1/customers", md, body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return code;
    }
}
