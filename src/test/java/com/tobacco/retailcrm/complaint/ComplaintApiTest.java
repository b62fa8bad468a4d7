package com.tobacco.retailcrm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.complaint.service.EscalationJob;
import com.tobacco.retailcrm.support.Http;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Complaints over HTTP: intake, due times, the lifecycle with its roles, staff-conduct routing, escalation, to-do. */
class ComplaintApiTest extends ComplaintTestBase {

    @Autowired
    EscalationJob escalation;

    @Test
    void dueTimesAreFixedFromTheReceivedTimePerPriority() {
        People p = people();
        Map<String, Long[]> hours = Map.of("NORMAL", new Long[]{24L, 72L}, "URGENT", new Long[]{8L, 60L},
                "MAJOR", new Long[]{2L, 48L});
        for (var e : hours.entrySet()) {
            Map<String, Object> body = complaint(Duration.ofMinutes(90), "priority", e.getKey());
            JsonNode c = intake(p.agentToken(), body);
            OffsetDateTime received = OffsetDateTime.parse((String) body.get("receivedAt"));
            assertThat(c.get("status").asString()).isEqualTo("RECEIVED");
            assertThat(c.get("number").asString()).matches("TS\\d{6}-\\d{5}");
            assertThat(c.get("firstContactOwner").asString()).isEqualTo(p.agent());
            assertThat(OffsetDateTime.parse(c.get("dueFirstResponseAt").asString()).toInstant())
                    .as(e.getKey()).isEqualTo(received.plusHours(e.getValue()[0]).toInstant());
            assertThat(OffsetDateTime.parse(c.get("dueResolutionAt").asString()).toInstant())
                    .as(e.getKey()).isEqualTo(received.plusHours(e.getValue()[1]).toInstant());
        }
    }

    @Test
    void badIntakeIsA400NamingTheFieldAndSavesNothing() {
        People p = people();
        long before = jdbc.queryForObject("select count(*) from complaint where first_contact_owner = ?", Long.class,
                p.agent());
        var future = http.post("/api/v1/complaints", p.agentToken(), complaint(Duration.ofMinutes(-10)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("receivedAt");
        assertThat(future.json().get("errors").get(0).get("message").asString()).isEqualTo("受理时间不能晚于当前时间");

        var old = http.post("/api/v1/complaints", p.agentToken(), complaint(Duration.ofDays(31)));
        assertThat(old.status()).isEqualTo(400);
        assertThat(fields(old.json())).containsExactly("receivedAt");

        var enums = http.post("/api/v1/complaints", p.agentToken(), complaint(Duration.ofHours(1), "channel", "FAX",
                "category", "NOISE", "priority", "HIGH"));
        assertThat(enums.status()).isEqualTo(400);
        assertThat(fields(enums.json())).containsExactlyInAnyOrder("channel", "category", "priority");

        var unknownCustomer = http.post("/api/v1/complaints", p.agentToken(), complaint(Duration.ofHours(1),
                "customerCode", "999999999999", "description", " "));
        assertThat(fields(unknownCustomer.json())).containsExactlyInAnyOrder("customerCode", "description");
        assertThat(http.get("/api/v1/complaints?status=NOPE", p.agentToken()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/complaints?category=NOPE", p.agentToken()).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from complaint where first_contact_owner = ?", Long.class,
                p.agent())).isEqualTo(before);
    }

    @Test
    void pauseStopsTheClockAndResumeMovesBothDueTimes_UnsatisfiedCallbackReopens() {
        People p = people();
        String code = customer(p, "便民店" + unique());
        JsonNode c = intake(p.agentToken(), complaint(Duration.ofHours(1), "customerCode", code));
        long id = c.get("id").asLong();
        assertThat(c.get("contactPhone").asString()).isEqualTo("13812345678");
        assertThat(jdbc.queryForObject("select contact_phone from complaint where id = ?", String.class, id))
                .as("the caller's phone is encrypted at rest").doesNotContain("13812345678").isNotBlank();

        act(p.agentToken(), id, "assign", "assignee", p.cm());
        act(p.cmToken(), id, "respond", "message", "已电话联系店主，了解情况");
        OffsetDateTime dueFirst = time(http.get("/api/v1/complaints/" + id, p.agentToken()).json(), "dueFirstResponseAt");
        OffsetDateTime dueResolution = time(http.get("/api/v1/complaints/" + id, p.agentToken()).json(), "dueResolutionAt");
        assertThat(act(p.cmToken(), id, "pause", "reason", "等待客户提供送货单").get("status").asString()).isEqualTo("PAUSED");
        clock.advance(Duration.ofHours(5));
        JsonNode resumed = act(p.mmToken(), id, "resume");
        assertThat(resumed.get("status").asString()).isEqualTo("IN_PROGRESS");
        // the clock stood still for the five hours (and the moments between the two calls)
        Duration moved = Duration.between(dueFirst, time(resumed, "dueFirstResponseAt"));
        assertThat(moved).isBetween(Duration.ofHours(5), Duration.ofHours(5).plusMinutes(1));
        assertThat(Duration.between(dueResolution, time(resumed, "dueResolutionAt"))).isEqualTo(moved);
        assertThat(resumed.get("pausedMinutes").asLong()).isEqualTo(moved.toMinutes());

        act(p.cmToken(), id, "resolve", "reply", "已调整送货线路，明日起按时送达", "cause", "线路调整");
        JsonNode reopened = act(p.agentToken(), id, "callback", "satisfaction", "UNSATISFIED", "note", "仍然送晚");
        assertThat(reopened.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(reopened.get("reopenedCount").asInt()).isEqualTo(1);
        act(p.cmToken(), id, "resolve", "reply", "已更换送货员，本周跟踪");
        JsonNode calledBack = act(p.agentToken(), id, "callback", "satisfaction", "BASICALLY_SATISFIED", "note", "基本满意",
                "level", "CALL_CENTRE");
        assertThat(calledBack.get("status").asString()).isEqualTo("CALLED_BACK");
        JsonNode closed = act(p.agentToken(), id, "close");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        List<String> steps = new ArrayList<>();
        closed.get("timeline").forEach(e -> steps.add(e.get("action").asString() + ":" + text(e, "fromStatus") + "→"
                + text(e, "toStatus") + ":" + e.get("by").asString()));
        assertThat(steps).containsExactly("INTAKE:null→RECEIVED:" + p.agent(), "ASSIGN:RECEIVED→ASSIGNED:" + p.agent(),
                "RESPOND:ASSIGNED→IN_PROGRESS:" + p.cm(), "PAUSE:IN_PROGRESS→PAUSED:" + p.cm(),
                "RESUME:PAUSED→IN_PROGRESS:" + p.mm(), "RESOLVE:IN_PROGRESS→RESOLVED:" + p.cm(),
                "CALLBACK:RESOLVED→IN_PROGRESS:" + p.agent(), "RESOLVE:IN_PROGRESS→RESOLVED:" + p.cm(),
                "CALLBACK:RESOLVED→CALLED_BACK:" + p.agent(), "CLOSE:CALLED_BACK→CLOSED:" + p.agent());
        // the first-contact owner was told of each step someone else took (respond, pause, resume, two resolves)
        assertThat(jdbc.queryForObject("select count(*) from wf_notification where username = ? and kind = 'COMPLAINT'"
                + " and message_key not like 'complaint.notice.escalated%'", Long.class, p.agent())).isEqualTo(5);
        var list = http.get("/api/v1/complaints?status=CLOSED&size=500", p.agentToken()).json();
        JsonNode line = null;
        for (JsonNode item : list.get("items")) {
            if (item.get("id").asLong() == id) {
                line = item;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("contactPhone").asString()).as("masked in lists").isEqualTo("138****5678");
    }

    @Test
    void closingNeedsEveryCallbackLevelThePriorityRequires() {
        People p = people();
        long id = intake(p.agentToken(), complaint(Duration.ofMinutes(5), "priority", "MAJOR")).get("id").asLong();
        act(p.mdToken(), id, "assign", "assignee", p.cm());
        act(p.cmToken(), id, "respond", "message", "已响应");
        var early = tryAct(p.agentToken(), id, "close");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("detail").asString()).contains("答复并回访满意后才能结案");
        act(p.cmToken(), id, "resolve", "reply", "已处理");
        assertThat(tryAct(p.agentToken(), id, "close").json().get("detail").asString()).contains("满意或基本满意的回访");
        act(p.agentToken(), id, "callback", "satisfaction", "SATISFIED", "level", "CALL_CENTRE");
        var missing = tryAct(p.agentToken(), id, "close");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("detail").asString()).contains("客户经理走访").contains("督查回访");
        assertThat(tryAct(p.agentToken(), id, "callback", "satisfaction", "SATISFIED", "level", "CALL_CENTRE").status())
                .as("the same level twice in a round").isEqualTo(422);
        act(p.agentToken(), id, "callback", "satisfaction", "SATISFIED", "level", "CUSTOMER_MANAGER");
        act(p.mdToken(), id, "callback", "satisfaction", "BASICALLY_SATISFIED", "level", "SUPERVISORY");
        assertThat(act(p.agentToken(), id, "close").get("status").asString()).isEqualTo("CLOSED");
        assertThat(tryAct(p.agentToken(), id, "callback", "satisfaction", "SATISFIED").status()).isEqualTo(422);
        assertThat(tryAct(p.agentToken(), id, "callback", "satisfaction", "MEH").status()).isEqualTo(400);

        JsonNode closed = http.get("/api/v1/complaints/" + id, p.agentToken()).json();
        List<String> fields = new ArrayList<>(closed.propertyNames());
        assertThat(fields.subList(0, 10)).as("each code is followed by its name").containsExactly("id", "number",
                "status", "statusName", "channel", "channelName", "category", "categoryName", "priority", "priorityName");
        assertThat(closed.get("priorityName").asString()).isEqualTo("重大");
        assertThat(closed.get("channelName").asString()).isNotBlank().isNotEqualTo(closed.get("channel").asString());
        JsonNode firstCallback = closed.get("callbacks").get(0);
        assertThat(firstCallback.get("levelName").asString()).isEqualTo("呼叫中心电话回访");
        assertThat(firstCallback.get("satisfactionName").asString()).isEqualTo("满意");
        assertThat(closed.get("timeline").valueStream().filter(e -> e.get("action").asString().equals("ASSIGN"))
                .map(e -> e.get("actionName").asString()).toList()).containsExactly("分派/转办");
    }

    @Test
    void eachActionIsRefusedToTheWrongRole() {
        People p = people();
        String stranger = "cm" + unique();
        String strangerToken = userWithRoles(stranger, p.county(), p.mm(), List.of("CUSTOMER_MANAGER"));
        String admin = adminToken("sysadmin");
        assertThat(http.post("/api/v1/complaints", p.cmToken(), complaint(Duration.ofHours(1))).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/complaints", admin, complaint(Duration.ofHours(1))).status()).isEqualTo(403);
        long id = intake(p.agentToken(), complaint(Duration.ofHours(1))).get("id").asLong();
        assertThat(tryAct(p.cmToken(), id, "assign", "assignee", p.cm()).status()).isEqualTo(403);
        act(p.agentToken(), id, "assign", "assignee", p.cm());
        assertThat(tryAct(strangerToken, id, "respond", "message", "x").status()).as("a peer of the assignee")
                .isIn(403, 404);
        assertThat(tryAct(p.agentToken(), id, "respond", "message", "x").status()).as("the desk").isEqualTo(403);
        act(p.mmToken(), id, "respond", "message", "上级代为响应");
        assertThat(tryAct(strangerToken, id, "pause", "reason", "x").status()).isIn(403, 404);
        act(p.cmToken(), id, "pause", "reason", "等待客户");
        assertThat(tryAct(p.mdToken(), id, "resume").status()).isEqualTo(403);
        act(p.headToken(), id, "resume");
        assertThat(tryAct(strangerToken, id, "resolve", "reply", "x").status()).isIn(403, 404);
        act(p.cmToken(), id, "resolve", "reply", "已解决");
        assertThat(tryAct(p.cmToken(), id, "callback", "satisfaction", "SATISFIED").status()).isEqualTo(403);
        act(p.agentToken(), id, "callback", "satisfaction", "SATISFIED");
        assertThat(tryAct(p.cmToken(), id, "close").status()).isEqualTo(403);
        assertThat(tryAct(admin, id, "close").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/complaints/" + id, admin).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/complaints/" + id, null).status()).isEqualTo(401);
        act(p.mdToken(), id, "close");
    }

    @Test
    void staffConductComplaintsNeverReachTheAccused() {
        People p = people();
        String code = customer(p, "态度店" + unique());
        long id = intake(p.agentToken(), complaint(Duration.ofHours(1), "customerCode", code,
                "category", "STAFF_CONDUCT", "accusedEmployee", p.cm(), "description", "客户经理态度恶劣")).get("id").asLong();
        var toAccused = tryAct(p.agentToken(), id, "assign", "assignee", p.cm());
        assertThat(toAccused.status()).isEqualTo(422);
        assertThat(toAccused.json().get("detail").asString()).contains("被投诉人本人");
        assertThat(tryAct(p.agentToken(), id, "assign", "assignee", p.md()).status())
                .as("neither the accused's superior nor customer service").isEqualTo(422);
        act(p.agentToken(), id, "assign", "assignee", p.mm());

        assertThat(http.get("/api/v1/complaints/" + id, p.cmToken()).status()).isEqualTo(404);
        assertThat(ids(http.get("/api/v1/complaints?size=500", p.cmToken()).json())).doesNotContain(id);
        assertThat(taskIds(p.cmToken())).doesNotContain("TS-" + id);
        assertThat(tryAct(p.cmToken(), id, "respond", "message", "x").status()).isEqualTo(404);
        assertThat(taskIds(p.mmToken())).contains("TS-" + id);
        // other complaints of the same customer stay visible to its customer manager
        long other = intake(p.agentToken(), complaint(Duration.ofHours(1), "customerCode", code)).get("id").asLong();
        assertThat(http.get("/api/v1/complaints/" + other, p.cmToken()).status()).isEqualTo(200);
    }

    @Test
    void aBreachIsEscalatedOnceToTheSupervisorAndForMajorToTheHead() {
        People p = people();
        long major = intake(p.agentToken(), complaint(Duration.ofMinutes(10), "priority", "MAJOR")).get("id").asLong();
        long normal = intake(p.agentToken(), complaint(Duration.ofMinutes(10))).get("id").asLong();
        act(p.agentToken(), major, "assign", "assignee", p.cm());
        act(p.agentToken(), normal, "assign", "assignee", p.cm());
        escalate();
        assertThat(escalations(major)).isEmpty();

        clock.advance(Duration.ofHours(2));
        escalate();
        assertThat(escalations(major)).containsExactly("FIRST_RESPONSE → " + p.mm() + ", " + p.head());
        assertThat(escalations(normal)).isEmpty();
        assertThat(notified(p.mm(), major)).isEqualTo(1);
        assertThat(notified(p.head(), major)).isEqualTo(1);
        JsonNode shown = http.get("/api/v1/complaints/" + major, p.agentToken()).json();
        assertThat(shown.get("overdue").asBoolean()).isTrue();
        assertThat(ids(http.get("/api/v1/complaints?overdue=true&size=500", p.agentToken()).json())).contains(major)
                .doesNotContain(normal);

        escalate();
        assertThat(escalations(major)).as("idempotent").hasSize(1);
        clock.advance(Duration.ofHours(23));
        escalate();
        assertThat(escalations(normal)).containsExactly("FIRST_RESPONSE → " + p.mm());
        assertThat(notified(p.head(), normal)).isZero();
    }

    @Test
    void concurrentActionsOnOneComplaintCannotBothSucceed() {
        People p = people();
        JsonNode c = intake(p.agentToken(), complaint(Duration.ofHours(1)));
        long id = c.get("id").asLong();
        long version = c.get("version").asLong();
        act(p.agentToken(), id, "assign", "assignee", p.cm(), "version", version);
        var stale = tryAct(p.agentToken(), id, "assign", "assignee", p.mm(), "version", version);
        assertThat(stale.status()).isEqualTo(409);
        var staleHeader = http.raw("POST", "/api/v1/complaints/" + id + "/respond", p.cmToken(),
                "{\"message\":\"x\"}", Map.of("Content-Type", "application/json", "If-Match", "\"" + version + "\""));
        assertThat(staleHeader.status()).isEqualTo(409);

        act(p.cmToken(), id, "respond", "message", "已响应");
        long now = http.get("/api/v1/complaints/" + id, p.cmToken()).json().get("version").asLong();
        var a = CompletableFuture.supplyAsync(() -> tryAct(p.cmToken(), id, "resolve", "reply", "答复甲", "version", now));
        var b = CompletableFuture.supplyAsync(() -> tryAct(p.mmToken(), id, "resolve", "reply", "答复乙", "version", now));
        List<Integer> statuses = List.of(a.join().status(), b.join().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.queryForObject("select count(*) from complaint_event where complaint_id = ? and action = 'RESOLVE'",
                Long.class, id)).isEqualTo(1);
    }

    @Test
    void possibleDuplicatesAreShownAtIntakeAndCanBeLinked() {
        People p = people();
        String code = customer(p, "重复店" + unique());
        long first = intake(p.agentToken(), complaint(Duration.ofDays(3), "customerCode", code)).get("id").asLong();
        intake(p.agentToken(), complaint(Duration.ofDays(2), "customerCode", code, "category", "PRICE"));
        JsonNode second = intake(p.agentToken(), complaint(Duration.ofHours(1), "customerCode", code));
        assertThat(ids(second.get("possibleDuplicates"))).containsExactly(first);
        JsonNode linked = act(p.agentToken(), second.get("id").asLong(), "link", "duplicateOf", first);
        assertThat(linked.get("duplicateOf").asLong()).isEqualTo(first);
        var lookup = http.get("/api/v1/complaints/customer-lookup?q=" + code, p.agentToken());
        assertThat(lookup.json().get(0).get("customerCode").asString()).isEqualTo(code);
    }

    @Test
    void myComplaintsAreInTheToDoListAndAreHandledOnTheirPage() {
        People p = people();
        long id = intake(p.agentToken(), complaint(Duration.ofHours(1))).get("id").asLong();
        assertThat(taskIds(p.agentToken())).contains("TS-" + id);
        act(p.agentToken(), id, "assign", "assignee", p.cm());
        assertThat(taskIds(p.cmToken())).contains("TS-" + id);
        var done = http.post("/api/v1/tasks/TS-" + id + "/complete", p.cmToken(), Http.body("action", "DONE"));
        assertThat(done.status()).isEqualTo(422);
        assertThat(done.json().get("detail").asString()).contains("/complaints/" + id);
        assertThat(jdbc.queryForObject("select count(*) from wf_notification where username = ? and kind = 'COMPLAINT'"
                + " and message_key = 'complaint.notice.assigned'", Long.class, p.cm())).as("the assignee is told").isEqualTo(1);
    }

    /** Runs the breach check now; while the scheduled run holds the lock, waits for it and tries again. */
    private void escalate() {
        for (int i = 0; i < 100 && escalation.runNow() < 0; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<String> escalations(long id) {
        return jdbc.queryForList("select message from complaint_event where complaint_id = ? and action = 'ESCALATE'"
                + " order by id", String.class, id);
    }

    private long notified(String user, long id) {
        return jdbc.queryForObject("select count(*) from wf_notification where username = ? and link = ?"
                + " and message_key like 'complaint.notice.escalated%'", Long.class, user, "/complaints/" + id);
    }

    private List<String> taskIds(String token) {
        var r = http.get("/api/v1/tasks?mine=true", token);
        assertThat(r.status()).as("tasks: %s", r).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        (r.json().has("items") ? r.json().get("items") : r.json()).forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }

    private static List<Long> ids(JsonNode node) {
        List<Long> ids = new ArrayList<>();
        (node.has("items") ? node.get("items") : node).forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> f = new ArrayList<>();
        problem.get("errors").forEach(e -> f.add(e.get("field").asString()));
        return f;
    }

    private static OffsetDateTime time(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asString());
    }

    private static String text(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull() ? "null" : node.get(field).asString();
    }
}
