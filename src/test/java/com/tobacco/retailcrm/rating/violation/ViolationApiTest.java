package com.tobacco.retailcrm.rating.violation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.rating.RatingApiTestBase;
import com.tobacco.retailcrm.support.Http;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ViolationApiTest extends RatingApiTestBase {

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    private Http.Response record(County c, String code, LocalDate on, String type) {
        return http.post("/api/v1/violations", token(c.officer()), Http.body("customerCode", code,
                "occurredOn", on.toString(), "type", type, "description", "无证经营外省卷烟"));
    }

    @Test
    void violationsSetTheLawAbidingStatusWithHistory() {
        County c = county();
        String code = customer(c);
        var first = record(c, code, today().minusDays(10), "MINOR");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long id = first.json().get("id").asLong();
        assertThat(archived(c, code).get("lawAbidingStatus").asString()).isEqualTo("MINOR");
        assertThat(history(c, code, "lawAbidingStatus").get(0).get("source").asString()).isEqualTo("VIOLATIONS:" + id);

        // one violation older than 12 months does not count; the third minor one within 12 months is "repeated"
        assertThat(record(c, code, today().minusMonths(12), "MINOR").status()).isEqualTo(201);
        assertThat(archived(c, code).get("lawAbidingStatus").asString()).isEqualTo("MINOR");
        assertThat(record(c, code, today().minusDays(40), "MINOR").status()).isEqualTo(201);
        assertThat(archived(c, code).get("lawAbidingStatus").asString()).isEqualTo("MINOR");
        assertThat(record(c, code, today().minusDays(5), "MINOR").status()).isEqualTo(201);
        assertThat(archived(c, code).get("lawAbidingStatus").asString()).isEqualTo("SERIOUS");

        String other = customer(c);
        assertThat(record(c, other, today(), "SERIOUS").status()).isEqualTo(201);
        assertThat(archived(c, other).get("lawAbidingStatus").asString()).isEqualTo("SERIOUS");

        var list = http.get("/api/v1/violations?customerCode=" + code, token(c.manager()));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isEqualTo(4);
        assertThat(list.json().get("items").get(0).get("occurredOn").asString()).isEqualTo(today().minusDays(5).toString());
        var scoped = http.get("/api/v1/violations?type=SERIOUS", token(c.manager()));
        assertThat(scoped.json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void correctionIsRecordedOnceAndNotBeforeTheViolation() {
        County c = county();
        String code = customer(c);
        var v = record(c, code, today().minusDays(20), "MINOR").json();
        String path = "/api/v1/violations/" + v.get("id").asLong() + "/correct";
        var early = http.post(path, token(c.officer()), Http.body("correctedOn", today().minusDays(21).toString(),
                "version", v.get("version").asLong()));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("correctedOn");
        var stale = http.post(path, token(c.officer()), Http.body("correctedOn", today().toString(), "version", 7));
        assertThat(stale.status()).isEqualTo(409);
        var ok = http.post(path, token(c.officer()), Http.body("correctedOn", today().minusDays(2).toString(),
                "version", v.get("version").asLong()));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("corrected").asBoolean()).isTrue();
        assertThat(http.post(path, token(c.officer()), Http.body("correctedOn", today().toString())).status())
                .as("a workflow action without the version it acts on").isEqualTo(400);
        assertThat(http.post(path, token(c.officer()), Http.body("correctedOn", today().toString(),
                "version", ok.json().get("version").asLong())).status()).isEqualTo(422);
    }

    @Test
    void badInputIsRefusedWithItsFieldsAndNothingIsSaved() {
        County c = county();
        String code = customer(c);
        var future = record(c, code, today().plusDays(1), "MINOR");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredOn");
        var bad = http.post("/api/v1/violations", token(c.officer()), Http.body("customerCode", code,
                "occurredOn", "2026-13-01", "type", "HUGE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .contains("occurredOn", "type", "description");
        assertThat(http.get("/api/v1/violations?customerCode=" + code, token(c.officer())).json().get("total").asLong())
                .isZero();
        assertThat(archived(c, code).has("lawAbidingStatus")).isFalse();
    }

    @Test
    void onlyMonopolyOfficersRecordAndOnlyWithinTheirScope() {
        County c = county();
        String code = customer(c);
        assertThat(http.post("/api/v1/violations", token(c.manager()), Http.body("customerCode", code,
                "occurredOn", today().toString(), "type", "MINOR", "description", "x")).status()).isEqualTo(403);
        County elsewhere = county();
        assertThat(record(elsewhere, code, today(), "MINOR").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/violations?customerCode=" + code, adminToken("sysadmin")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/violations", null).status()).isEqualTo(401);
    }
}
