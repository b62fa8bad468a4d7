package com.tobacco.retailcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/** The audit log: what is recorded, how it is read, and that nobody can change it (issue 3, point 7). */
class AuditApiTest extends FoundationApiTest {

    private static String instant(Instant at) {
        return URLEncoder.encode(at.atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString(), StandardCharsets.UTF_8);
    }

    private List<JsonNode> events(String query) {
        var r = http.get("/api/v1/audit-events?" + query, adminToken("auditadmin"));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("items").valueStream().toList();
    }

    /** The one event of an action on a target since {@code from}, checked for actor, address and outcome. */
    private JsonNode event(Instant from, String action, String target, String actor, String outcome) {
        var found = events("from=" + instant(from) + "&action=" + action + "&size=500").stream()
                .filter(e -> target.equals(e.get("targetId").asString())).toList();
        assertThat(found).as("%s on %s", action, target).hasSize(1);
        JsonNode e = found.get(0);
        assertThat(e.get("actor").asString()).as(action).isEqualTo(actor);
        assertThat(e.get("sourceIp").asString()).as(action).isEqualTo("127.0.0.1");
        assertThat(e.get("outcome").asString()).as(action).isEqualTo(outcome);
        assertThat(e.get("occurredAt").asString()).endsWith("+08:00");
        return e;
    }

    @Test
    void everyAuditedActionIsRecordedWithActorAddressAndOutcome() {
        Instant start = now().minusSeconds(1);
        String county = orgUnit("COUNTY", rootOrgCode(), "审计县");
        String username = "au" + unique();
        createUser(username, county, null);
        String token = tokenOf(username, INITIAL_PASSWORD);
        assertThat(http.post("/api/v1/auth/password", token, Http.body("oldPassword", INITIAL_PASSWORD,
                "newPassword", USER_PASSWORD)).status()).isEqualTo(204);
        assertThat(http.put("/api/v1/users/" + username + "/roles", adminToken("secadmin"),
                Http.body("roles", List.of("CUSTOMER_MANAGER"))).status()).isEqualTo(200);
        String sys = adminToken("sysadmin");
        long version = http.get("/api/v1/users/" + username, sys).json().get("version").asLong();
        assertThat(http.patch("/api/v1/users/" + username, sys, Http.body("displayName", "改名",
                "version", version)).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/users/" + username + "/password-reset", sys,
                Http.body("newPassword", "Reset#Pass2026")).status()).isEqualTo(204);
        for (int i = 0; i < 5; i++) {
            login(username, "Wrong#Pass" + i);
        }
        version = http.get("/api/v1/users/" + username, sys).json().get("version").asLong();
        assertThat(http.patch("/api/v1/users/" + username, sys, Http.body("enabled", false, "version", version))
                .status()).isEqualTo(200);

        event(start, "ORG_UNIT_CREATED", county, "sysadmin", "SUCCESS");
        event(start, "USER_CREATED", username, "sysadmin", "SUCCESS");
        event(start, "LOGIN", username, username, "SUCCESS");
        event(start, "PASSWORD_CHANGED", username, username, "SUCCESS");
        assertThat(event(start, "ROLES_ASSIGNED", username, "secadmin", "SUCCESS").get("detail").asString())
                .contains("CUSTOMER_MANAGER");
        assertThat(event(start, "USER_UPDATED", username, "sysadmin", "SUCCESS").get("detail").asString())
                .contains("displayName");
        event(start, "PASSWORD_RESET", username, "sysadmin", "SUCCESS");
        event(start, "ACCOUNT_LOCKED", username, username, "DENIED");
        event(start, "USER_DISABLED", username, "sysadmin", "SUCCESS");
        var failures = events("from=" + instant(start) + "&action=LOGIN_FAILED&actor=" + username);
        assertThat(failures).hasSize(5).allSatisfy(e -> {
            assertThat(e.get("outcome").asString()).isEqualTo("FAILURE");
            assertThat(e.get("sourceIp").asString()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void aPolicyUpdateIsRecordedAndAStaleOneRefused() {
        Instant start = now().minusSeconds(1);
        String sec = adminToken("secadmin");
        JsonNode policy = http.get("/api/v1/security-policy", sec).json();
        var r = http.method("PUT", "/api/v1/security-policy", sec, policy.toString());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().get("passwordMinLength").asInt()).isEqualTo(policy.get("passwordMinLength").asInt());
        var updates = events("from=" + instant(start) + "&action=SECURITY_POLICY_UPDATED");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).get("actor").asString()).isEqualTo("secadmin");
        assertThat(updates.get(0).get("sourceIp").asString()).isEqualTo("127.0.0.1");

        String stale = policy.toString().replace("\"version\":" + policy.get("version").asLong(), "\"version\":-1");
        var refused = http.method("PUT", "/api/v1/security-policy", sec, stale);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(events("from=" + instant(start) + "&action=SECURITY_POLICY_UPDATED")).hasSize(1);
    }

    @Test
    void aRefusedChangeLeavesNoSuccessRecord() {
        String county = orgUnit("COUNTY", rootOrgCode(), "拒绝县");
        String username = "rf" + unique();
        createUser(username, county, null);
        assertThat(http.put("/api/v1/users/" + username + "/roles", adminToken("secadmin"),
                Http.body("roles", List.of("SYSTEM_ADMIN", "LEADER"))).status()).isEqualTo(422);
        assertThat(auditRows("ROLES_ASSIGNED", username)).isEmpty();
        assertThat(http.put("/api/v1/users/" + username + "/roles", adminToken("sysadmin"),
                Http.body("roles", List.of("LEADER"))).status()).isEqualTo(403);
        assertThat(auditRows("ROLES_ASSIGNED", username)).isEmpty();
        String sys = adminToken("sysadmin");
        assertThat(http.patch("/api/v1/users/" + username, sys, Http.body("displayName", "x", "version", 99)).status())
                .isEqualTo(409);
        assertThat(auditRows("USER_UPDATED", username)).isEmpty();
    }

    /**
     * The audit row is written in the same transaction as the change: when the database refuses the change after
     * the audit row was inserted, both disappear. A trigger refuses this one user's update to force that order.
     */
    @Test
    void theAuditRowRollsBackWithTheChange() {
        String county = orgUnit("COUNTY", rootOrgCode(), "回滚县");
        String username = "rb" + unique();
        createUser(username, county, null);
        String function = "refuse_" + username.toLowerCase();
        jdbc.execute("create function " + function + "() returns trigger language plpgsql as $$ begin "
                + "raise exception 'refused for test' using errcode = 'check_violation'; end; $$");
        jdbc.execute("create trigger " + function + " before update on app_user for each row when (old.username = '"
                + username + "') execute function " + function + "()");
        try {
            String sys = adminToken("sysadmin");
            long version = http.get("/api/v1/users/" + username, sys).json().get("version").asLong();
            var r = http.patch("/api/v1/users/" + username, sys, Http.body("enabled", false, "displayName", "新名",
                    "version", version));
            assertThat(r.status()).as("%s", r).isEqualTo(400);
        } finally {
            jdbc.execute("drop trigger " + function + " on app_user");
            jdbc.execute("drop function " + function + "()");
        }
        assertThat(auditRows("USER_DISABLED", username)).isEmpty();
        assertThat(auditRows("USER_UPDATED", username)).isEmpty();
        assertThat(jdbc.queryForObject("select enabled from app_user where username = ?", Boolean.class, username)).isTrue();
    }

    @Test
    void theLogFiltersByTimeActorActionAndCustomerAndPages() {
        Instant start = now().minusSeconds(1);
        String code = "C" + unique();
        for (int i = 0; i < 3; i++) {
            jdbc.update("insert into audit_event (occurred_at, actor, action, target_type, target_id, customer_code, "
                    + "outcome) values (?, 'tester', 'CUSTOMER_VIEWED', 'CUSTOMER', ?, ?, 'SUCCESS')",
                    Timestamp.from(now().plusMillis(i)), code, code);
        }
        assertThat(events("customerCode=" + code)).hasSize(3)
                .allSatisfy(e -> assertThat(e.get("customerCode").asString()).isEqualTo(code));
        assertThat(events("customerCode=" + code + "&actor=someoneelse")).isEmpty();
        assertThat(events("customerCode=" + code + "&action=LOGIN")).isEmpty();
        assertThat(events("customerCode=" + code + "&from=" + instant(now().plus(Duration.ofMinutes(1))))).isEmpty();
        assertThat(events("customerCode=" + code + "&to=" + instant(start))).isEmpty();
        assertThat(events("customerCode=" + code + "&from=" + instant(start) + "&to="
                + instant(now().plus(Duration.ofMinutes(1))))).hasSize(3);

        var page0 = http.get("/api/v1/audit-events?customerCode=" + code + "&size=2&page=0", adminToken("auditadmin")).json();
        var page1 = http.get("/api/v1/audit-events?customerCode=" + code + "&size=2&page=1", adminToken("auditadmin")).json();
        assertThat(page0.get("total").asLong()).isEqualTo(3);
        assertThat(page0.get("items").size()).isEqualTo(2);
        assertThat(page1.get("items").size()).isEqualTo(1);
        assertThat(page0.get("size").asInt()).isEqualTo(2);
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        var ids = new java.util.ArrayList<Long>();
        page0.get("items").forEach(e -> ids.add(e.get("id").asLong()));
        page1.get("items").forEach(e -> ids.add(e.get("id").asLong()));
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());

        var asc = events("customerCode=" + code + "&sort=occurredAt,asc").stream().map(e -> e.get("id").asLong()).toList();
        assertThat(asc).isSorted();
    }

    @Test
    void onlyTheAuditAdministratorReadsTheLog() {
        for (String admin : List.of("sysadmin", "secadmin")) {
            assertThat(http.get("/api/v1/audit-events", adminToken(admin)).status()).as(admin).isEqualTo(403);
        }
        assertThat(http.get("/api/v1/audit-events", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/audit-events", adminToken("auditadmin")).status()).isEqualTo(200);
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateTheLog() {
        Long id = jdbc.queryForObject("select max(id) from audit_event", Long.class);
        assertThat(id).isNotNull();
        Map<String, Object> before = jdbc.queryForMap("select * from audit_event where id = ?", id);
        assertThatThrownBy(() -> jdbc.update("update audit_event set detail = 'forged' where id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForMap("select * from audit_event where id = ?", id)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isPositive();
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        String token = adminToken("auditadmin");
        Map<String, String> cases = Map.of("from=yesterday", "from", "to=2026-13-01T00:00:00%2B08:00", "to",
                "size=501", "size", "page=-1", "page", "sort=detail", "sort");
        cases.forEach((query, field) -> {
            var r = http.get("/api/v1/audit-events?" + query, token);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString())
                    .collect(Collectors.toList())).as(query).contains(field);
        });
    }
}
