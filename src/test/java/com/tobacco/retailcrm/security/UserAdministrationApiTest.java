package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Users: reporting lines without cycles, and AB岗 delegation (issue 3, point 12). */
class UserAdministrationApiTest extends FoundationApiTest {

    @Autowired
    UserDirectory directory;

    private Http.Response setSupervisor(String username, String supervisor) {
        String sys = adminToken("sysadmin");
        long version = http.get("/api/v1/users/" + username, sys).json().get("version").asLong();
        return http.patch("/api/v1/users/" + username, sys, Http.body("supervisor", supervisor, "version", version));
    }

    private static void refused(Http.Response r, int status, String field) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        if (field != null) {
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void aReportingLineCannotBecomeACycle() {
        String county = orgUnit("COUNTY", rootOrgCode(), "汇报县");
        String s = unique();
        createUser("a" + s, county, null);
        createUser("b" + s, county, "a" + s);
        createUser("c" + s, county, "b" + s);
        refused(setSupervisor("a" + s, "c" + s), 400, "supervisor");
        refused(setSupervisor("a" + s, "b" + s), 400, "supervisor");
        refused(setSupervisor("a" + s, "a" + s), 400, "supervisor");
        refused(setSupervisor("a" + s, "nobody" + s), 400, "supervisor");
        assertThat(setSupervisor("c" + s, "a" + s).status()).isEqualTo(200);
        var removed = setSupervisor("b" + s, "");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("supervisor").isNull()).isTrue();
    }

    private record Pair(String user, String userToken, String backup) {
    }

    private Pair pair(List<String> userRoles, List<String> backupRoles) {
        String county = orgUnit("COUNTY", rootOrgCode(), "代岗县");
        String s = unique();
        String token = userWithRoles("u" + s, county, null, userRoles);
        userWithRoles("b" + s, county, null, backupRoles);
        return new Pair("u" + s, token, "b" + s);
    }

    private Http.Response delegate(String token, String user, String backup, LocalDate from, LocalDate to) {
        return http.post("/api/v1/users/" + user + "/delegations", token, Http.body("backup", backup,
                "startsOn", from.toString(), "endsOn", to.toString()));
    }

    @Test
    void aUserNamesABackupWithASharedBusinessRoleForADateRange() {
        Pair p = pair(List.of("CUSTOMER_MANAGER"), List.of("CUSTOMER_MANAGER", "MARKET_MANAGER"));
        LocalDate today = LocalDate.now();
        var r = delegate(p.userToken(), p.user(), p.backup(), today, today.plusDays(6));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.json().get("backup").asString()).isEqualTo(p.backup());
        var list = http.get("/api/v1/users/" + p.user() + "/delegations", p.userToken());
        assertThat(list.json().valueStream().map(d -> d.get("backup").asString()).toList()).containsExactly(p.backup());
        assertThat(directory.backupOn(p.user(), today.plusDays(3)).map(u -> u.username())).contains(p.backup());
        assertThat(directory.backupOn(p.user(), today.plusDays(7))).isEmpty();
        assertThat(auditRows("DELEGATION_CREATED", p.user())).hasSize(1);
    }

    @Test
    void delegationsAreValidated() {
        Pair p = pair(List.of("CUSTOMER_MANAGER"), List.of("CUSTOMER_MANAGER"));
        LocalDate today = LocalDate.now();
        refused(delegate(p.userToken(), p.user(), p.user(), today, today), 400, "backup");
        refused(delegate(p.userToken(), p.user(), "nobody" + unique(), today, today), 400, "backup");
        refused(delegate(p.userToken(), p.user(), p.backup(), today, today.minusDays(1)), 400, "endsOn");
        var missing = http.post("/api/v1/users/" + p.user() + "/delegations", p.userToken(), Http.body("backup", p.backup()));
        refused(missing, 400, null);

        Pair unrelated = pair(List.of("CUSTOMER_MANAGER"), List.of("SALES_DEPT"));
        refused(delegate(unrelated.userToken(), unrelated.user(), unrelated.backup(), today, today), 422, null);

        String sys = adminToken("sysadmin");
        long version = http.get("/api/v1/users/" + p.backup(), sys).json().get("version").asLong();
        assertThat(http.patch("/api/v1/users/" + p.backup(), sys, Http.body("enabled", false, "version", version))
                .status()).isEqualTo(200);
        refused(delegate(p.userToken(), p.user(), p.backup(), today, today), 400, "backup");
        assertThat(jdbc.queryForObject("select count(*) from user_delegation d join app_user u on u.id = d.user_id "
                + "where u.username in (?, ?)", Integer.class, p.user(), unrelated.user())).isZero();
    }

    @Test
    void onlyTheUserThemselvesOrTheSystemAdministratorManageTheirDelegations() {
        Pair p = pair(List.of("CUSTOMER_MANAGER"), List.of("CUSTOMER_MANAGER"));
        Pair other = pair(List.of("CUSTOMER_MANAGER"), List.of("CUSTOMER_MANAGER"));
        LocalDate today = LocalDate.now();
        assertThat(delegate(other.userToken(), p.user(), p.backup(), today, today).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/users/" + p.user() + "/delegations", other.userToken()).status()).isEqualTo(403);
        assertThat(delegate(adminToken("secadmin"), p.user(), p.backup(), today, today).status()).isEqualTo(403);
        assertThat(delegate(adminToken("sysadmin"), p.user(), p.backup(), today, today).status()).isEqualTo(201);
    }
}
