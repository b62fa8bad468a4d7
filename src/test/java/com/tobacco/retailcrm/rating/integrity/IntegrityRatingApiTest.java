package com.tobacco.retailcrm.rating.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.rating.RatingApiTestBase;
import com.tobacco.retailcrm.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IntegrityRatingApiTest extends RatingApiTestBase {

    private static final String BASE = "/api/v1/integrity-ratings";

    private static String iso(Instant i) {
        return i.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private JsonNode propose(County c, String code, String grade) {
        var r = http.post(BASE, token(c.officer()), Http.body("customerCode", code, "proposedGrade", grade,
                "basis", "年度信息采集：无违规记录，守法经营"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("state").asString()).isEqualTo("PRELIMINARY");
        return r.json();
    }

    private Http.Response publish(County c, long id, Instant start) {
        long version = http.get(BASE + "/" + id, token(c.officer())).json().get("version").asLong();
        return http.post(BASE + "/" + id + "/publish", token(c.officer()),
                Http.body("noticeStart", iso(start), "version", version));
    }

    /**
     * Lets the notice of a rating run out: its notice (and appeals) move back as if it had been published that much
     * earlier. The shared application clock stays where it is, so other test classes keep their "today".
     */
    private void noticeOver(long id, Instant endsAt) {
        long seconds = Duration.between(clock.instant(), endsAt).plusMinutes(1).toSeconds();
        jdbc.update("update integrity_rating set notice_start = notice_start - ? * interval '1 second', "
                + "notice_ends_at = notice_ends_at - ? * interval '1 second' where id = ?", seconds, seconds, id);
        jdbc.update("update integrity_appeal set filed_at = filed_at - ? * interval '1 second' where rating_id = ?",
                seconds, id);
    }

    private static void assertRule(Http.Response r, String containing) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains(containing);
    }

    @Test
    void noticeStartInTheFutureOrOlderThanThirtyDaysIsBadInput() {
        County c = county();
        long id = propose(c, customer(c), "B").get("id").asLong();
        var future = publish(c, id, clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("noticeStart");
        var old = publish(c, id, clock.instant().minus(Duration.ofDays(30)).minus(Duration.ofMinutes(5)));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().get("errors").get(0).get("field").asString()).isEqualTo("noticeStart");
        var missing = http.post(BASE + "/" + id + "/publish", token(c.officer()), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        var noOffset = http.post(BASE + "/" + id + "/publish", token(c.officer()),
                Http.body("noticeStart", "2026-11-02T09:30:00"));
        assertThat(noOffset.status()).isEqualTo(400);
        assertThat(http.get(BASE + "/" + id, token(c.officer())).json().get("state").asString())
                .isEqualTo("PRELIMINARY");
    }

    @Test
    void appealBlocksTheFinalRatingUntilAnsweredThenTheGradeGoesToTheArchiveWithHistory() {
        County c = county();
        String code = customer(c);
        JsonNode rating = propose(c, code, "C");
        long id = rating.get("id").asLong();

        var published = publish(c, id, clock.instant().minus(Duration.ofHours(1)));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("state").asString()).isEqualTo("NOTICE");
        Instant endsAt = OffsetDateTime.parse(published.json().get("noticeEndsAt").asString()).toInstant();
        assertThat(endsAt).isAfter(clock.instant().plus(Duration.ofDays(8)));
        assertThat(published.json().get("inNotice").asBoolean()).isTrue();

        assertRule(http.post(BASE + "/" + id + "/finalize", token(c.officer()), Map.of()), "公示期尚未结束");

        var appeal = http.post(BASE + "/" + id + "/appeals", token(c.manager()),
                Http.body("reason", "店主称上次违规已整改，申请复核"));
        assertThat(appeal.status()).as(appeal.toString()).isEqualTo(201);
        long appealId = appeal.json().get("appeals").get(0).get("id").asLong();
        assertThat(appeal.json().get("openAppeals").asLong()).isEqualTo(1);

        noticeOver(id, endsAt);

        assertRule(http.post(BASE + "/" + id + "/appeals", token(c.agent()), Http.body("reason", "迟到的申诉")),
                "公示期已结束");
        assertRule(http.post(BASE + "/" + id + "/finalize", token(c.officer()), Map.of()), "未答复");

        String answer = BASE + "/" + id + "/appeals/" + appealId + "/answer";
        var noGrade = http.post(answer, token(c.officer()), Http.body("decision", "UPHELD", "note", "核实属实"));
        assertThat(noGrade.status()).isEqualTo(400);
        assertThat(noGrade.json().get("errors").get(0).get("field").asString()).isEqualTo("newGrade");
        var upheld = http.post(answer, token(c.officer()), Http.body("decision", "UPHELD", "note", "核实属实",
                "newGrade", "B"));
        assertThat(upheld.status()).as(upheld.toString()).isEqualTo(200);
        assertThat(upheld.json().get("grade").asString()).isEqualTo("B");
        assertThat(upheld.json().get("proposedGrade").asString()).isEqualTo("C");
        assertRule(http.post(answer, token(c.officer()), Http.body("decision", "REJECTED", "note", "再次答复")), "已答复");

        var stale = http.post(BASE + "/" + id + "/finalize", token(c.officer()), Http.body("version", 0));
        assertThat(stale.status()).isEqualTo(409);
        var done = http.post(BASE + "/" + id + "/finalize", token(c.officer()),
                Http.body("version", upheld.json().get("version").asLong()));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("state").asString()).isEqualTo("FINAL");
        assertThat(done.json().get("finalGrade").asString()).isEqualTo("B");
        assertThat(done.json().get("inspectionFrequency").asString()).isEqualTo("MONTHLY");

        assertThat(archived(c, code).get("integrityGrade").asString()).isEqualTo("B");
        // every step of the procedure is an audit event of the rating and its customer (issue 17, point 4)
        assertThat(jdbc.queryForList("select action from audit_event where target_type = 'INTEGRITY_RATING' "
                + "and target_id = ? and customer_code = ? order by id", String.class, String.valueOf(id), code))
                .containsExactly("RATING_PROPOSED", "RATING_PUBLISHED", "RATING_APPEALED", "RATING_APPEAL_ANSWERED",
                        "RATING_FINALIZED");
        List<JsonNode> history = history(c, code, "integrityGrade");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("source").asString()).isEqualTo("RATING:" + id);
        assertThat(history.get(0).get("newValue").asString()).isEqualTo("B");

        assertRule(http.post(answer, token(c.officer()), Http.body("decision", "REJECTED", "note", "审定后答复")), "FINAL");
        var english = http.raw("POST", BASE + "/" + id + "/finalize", token(c.officer()), "{}",
                Map.of("Content-Type", "application/json", "Accept-Language", "en"));
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.json().get("detail").asString()).contains("only a rating in notice can be finalised");

        var supervision = http.get(BASE + "/inspection/" + code, token(c.manager()));
        assertThat(supervision.json().get("integrityGrade").asString()).isEqualTo("B");
        assertThat(supervision.json().get("inspectionFrequency").asString()).isEqualTo("MONTHLY");

        // a new procedure may start once the last one is final
        propose(c, code, "A");
    }

    @Test
    void everyTransitionNotAllowedFromTheCurrentStateIsRefused() {
        County c = county();
        String code = customer(c);
        long id = propose(c, code, "A").get("id").asLong();
        var again = http.post(BASE, token(c.officer()), Http.body("customerCode", code, "proposedGrade", "B",
                "basis", "重复评定"));
        assertRule(again, "进行中");
        assertRule(http.post(BASE + "/" + id + "/appeals", token(c.manager()), Http.body("reason", "太早")), "PRELIMINARY");
        assertRule(http.post(BASE + "/" + id + "/finalize", token(c.officer()), Map.of()), "PRELIMINARY");

        // notice started 25 days ago: it has already ended, so no appeal, but a final rating at once
        assertThat(publish(c, id, clock.instant().minus(Duration.ofDays(25))).status()).isEqualTo(200);
        assertRule(publish(c, id, clock.instant()), "NOTICE");
        assertRule(http.post(BASE + "/" + id + "/appeals", token(c.manager()), Http.body("reason", "晚了")), "公示期已结束");
        var fin = http.post(BASE + "/" + id + "/finalize", token(c.officer()), Map.of());
        assertThat(fin.status()).as(fin.toString()).isEqualTo(200);
        assertThat(archived(c, code).get("integrityGrade").asString()).isEqualTo("A");

        assertRule(http.post(BASE + "/" + id + "/finalize", token(c.officer()), Map.of()), "FINAL");
        assertRule(publish(c, id, clock.instant()), "FINAL");
        assertRule(http.post(BASE + "/" + id + "/appeals", token(c.agent()), Http.body("reason", "已审定")), "FINAL");
        assertThat(http.post(BASE + "/" + id + "/appeals/999999999/answer", token(c.officer()),
                Http.body("decision", "REJECTED", "note", "无")).status()).isEqualTo(404);
    }

    @Test
    void rolesAndScope() {
        County c = county();
        String code = customer(c);
        assertThat(http.post(BASE, token(c.manager()), Http.body("customerCode", code, "proposedGrade", "A",
                "basis", "x")).status()).isEqualTo(403);
        assertThat(http.post(BASE, token(c.marketDept()), Http.body("customerCode", code, "proposedGrade", "A",
                "basis", "x")).status()).isEqualTo(403);
        County other = county();
        assertThat(http.post(BASE, token(other.officer()), Http.body("customerCode", code, "proposedGrade", "A",
                "basis", "x")).status()).isEqualTo(404);

        long id = propose(c, code, "D").get("id").asLong();
        assertThat(publish(c, id, clock.instant()).status()).isEqualTo(200);
        assertThat(http.post(BASE + "/" + id + "/appeals", token(c.officer()), Http.body("reason", "自己申诉")).status())
                .isEqualTo(403);
        assertThat(http.post(BASE + "/" + id + "/appeals", token(other.manager()), Http.body("reason", "不是我的客户"))
                .status()).isEqualTo(404);
        var agent = http.post(BASE + "/" + id + "/appeals", token(c.agent()), Http.body("reason", "客户来电申诉"));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
        long appealId = agent.json().get("appeals").get(0).get("id").asLong();
        assertThat(http.post(BASE + "/" + id + "/appeals/" + appealId + "/answer", token(c.manager()),
                Http.body("decision", "REJECTED", "note", "x")).status()).isEqualTo(403);
        assertThat(http.post(BASE + "/" + id + "/finalize", token(c.marketDept()), Map.of()).status()).isEqualTo(403);
        assertThat(http.get(BASE + "/" + id, token(other.officer())).status()).isEqualTo(404);
        assertThat(http.get(BASE + "/" + id, adminToken("sysadmin")).status()).isEqualTo(403);
        assertThat(http.get(BASE + "/" + id, token(c.manager())).json().get("inspectionFrequency").asString())
                .isEqualTo("WEEKLY");
        var list = http.get(BASE + "?state=NOTICE", token(c.manager()));
        assertThat(list.json().get("total").asLong()).isEqualTo(1);
        assertThat(http.get(BASE + "?state=NOTICE", token(other.manager())).json().get("total").asLong()).isZero();
        assertThat(http.get(BASE + "?state=WHATEVER", token(c.manager())).status()).isEqualTo(400);
    }

    @Test
    void batchRatesManyCustomersWithPerItemErrorsAndPublishesThemUnderOneNotice() {
        County c = county();
        String a = customer(c);
        String b = customer(c);
        var r = http.post(BASE + "/batch", token(c.officer()), Map.of("items", List.of(
                Map.of("customerCode", a, "proposedGrade", "A", "basis", "季度评定"),
                Map.of("customerCode", "999999999999", "proposedGrade", "B", "basis", "季度评定"),
                Map.of("customerCode", b, "proposedGrade", "E", "basis", "季度评定"),
                Map.of("customerCode", b, "proposedGrade", "B", "basis", "季度评定"),
                Map.of("customerCode", a, "proposedGrade", "C", "basis", "重复"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.get("created").asInt()).isEqualTo(2);
        assertThat(result.get("errors").findValues("index").stream().map(JsonNode::asInt).toList())
                .containsExactly(1, 2, 4);
        long batch = result.get("batchId").asLong();

        var future = http.post(BASE + "/batches/" + batch + "/publish", token(c.officer()),
                Http.body("noticeStart", iso(clock.instant().plus(Duration.ofHours(1)))));
        assertThat(future.status()).isEqualTo(400);
        var pub = http.post(BASE + "/batches/" + batch + "/publish", token(c.officer()),
                Http.body("noticeStart", iso(clock.instant())));
        assertThat(pub.status()).as(pub.toString()).isEqualTo(200);
        assertThat(pub.json().get("published").asInt()).isEqualTo(2);
        var inBatch = http.get(BASE + "?batchId=" + batch, token(c.officer())).json().get("items");
        assertThat(inBatch).hasSize(2);
        assertThat(inBatch.findValuesAsString("state")).containsOnly("NOTICE");
        assertThat(inBatch.findValuesAsString("noticeEndsAt")).containsOnly(pub.json().get("noticeEndsAt").asString());
        assertRule(http.post(BASE + "/batches/" + batch + "/publish", token(c.officer()),
                Http.body("noticeStart", iso(clock.instant()))), "没有可公示");
    }
}
