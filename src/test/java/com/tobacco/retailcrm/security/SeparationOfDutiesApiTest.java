package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 三权分立: each admin duty is refused to the other admins and to business users (issue 3, point 5). */
class SeparationOfDutiesApiTest extends FoundationApiTest {

    private String targetUser() {
        String county = orgUnit("COUNTY", rootOrgCode(), "分权县");
        String username = "sd" + unique();
        createUser(username, county, null);
        return username;
    }

    private Http.Response createUserAs(String token) {
        return http.post("/api/v1/users", token, Http.body("username", "x" + unique(), "displayName", "某人",
                "orgUnitCode", rootOrgCode(), "initialPassword", INITIAL_PASSWORD));
    }

    private Http.Response createUnitAs(String token) {
        return http.post("/api/v1/org-units", token, Http.body("code", "CO" + unique(), "name", "某县",
                "type", "COUNTY", "parentCode", rootOrgCode()));
    }

    private Http.Response rolesAs(String token, String username, List<String> roles) {
        return http.put("/api/v1/users/" + username + "/roles", token, Http.body("roles", roles));
    }

    private Http.Response putPolicyAs(String token) {
        var current = http.get("/api/v1/security-policy", adminToken("secadmin")).json();
        return http.method("PUT", "/api/v1/security-policy", token, current.toString());
    }

    private static void forbidden(Http.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    private static void ruleRefused(Http.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void theSystemAdministratorCannotAssignRolesReadAuditOrTouchThePolicy() {
        String sys = adminToken("sysadmin");
        String target = targetUser();
        forbidden(rolesAs(sys, target, List.of("CUSTOMER_MANAGER")));
        forbidden(http.get("/api/v1/audit-events", sys));
        forbidden(http.get("/api/v1/security-policy", sys));
        forbidden(putPolicyAs(sys));
        assertThat(jdbc.queryForObject("select count(*) from user_role r join app_user u on u.id = r.user_id "
                + "where u.username = ?", Integer.class, target)).isZero();
    }

    @Test
    void theSecurityAdministratorCannotCreateUsersOrUnitsOrReadAudit() {
        String sec = adminToken("secadmin");
        forbidden(createUserAs(sec));
        forbidden(createUnitAs(sec));
        forbidden(http.get("/api/v1/audit-events", sec));
        forbidden(http.patch("/api/v1/users/" + targetUser(), sec, Http.body("enabled", false, "version", 0)));
        forbidden(http.post("/api/v1/users/" + targetUser() + "/password-reset", sec,
                Http.body("newPassword", "Reset#Pass2026")));
        assertThat(http.get("/api/v1/security-policy", sec).status()).isEqualTo(200);
    }

    @Test
    void theAuditAdministratorCannotCreateUsersAssignRolesOrSetPolicy() {
        String audit = adminToken("auditadmin");
        forbidden(createUserAs(audit));
        forbidden(createUnitAs(audit));
        forbidden(rolesAs(audit, targetUser(), List.of("CUSTOMER_MANAGER")));
        forbidden(http.get("/api/v1/security-policy", audit));
        forbidden(putPolicyAs(audit));
        forbidden(http.get("/api/v1/users", audit));
        assertThat(http.get("/api/v1/audit-events", audit).status()).isEqualTo(200);
    }

    @Test
    void anAdminRoleStandsAlone() {
        String sec = adminToken("secadmin");
        String target = targetUser();
        ruleRefused(rolesAs(sec, target, List.of("SYSTEM_ADMIN", "CUSTOMER_MANAGER")));
        ruleRefused(rolesAs(sec, target, List.of("AUDIT_ADMIN", "LEADER")));
        ruleRefused(rolesAs(sec, target, List.of("SYSTEM_ADMIN", "SECURITY_ADMIN")));
        ruleRefused(rolesAs(sec, target, List.of("SECURITY_ADMIN", "AUDIT_ADMIN")));
        assertThat(rolesAs(sec, target, List.of("SYSTEM_ADMIN")).status()).isEqualTo(200);
        var business = rolesAs(sec, target, List.of("CUSTOMER_MANAGER", "MARKET_MANAGER"));
        assertThat(business.status()).isEqualTo(200);
        assertThat(business.json().get("roles").valueStream().map(n -> n.asString()).toList())
                .containsExactlyInAnyOrder("CUSTOMER_MANAGER", "MARKET_MANAGER");
    }

    @Test
    void nobodyChangesTheirOwnRoles() {
        ruleRefused(rolesAs(adminToken("secadmin"), "secadmin", List.of("SECURITY_ADMIN")));
        var me = http.get("/api/v1/auth/me", adminToken("secadmin")).json();
        assertThat(me.get("roles").valueStream().map(n -> n.asString()).toList()).containsExactly("SECURITY_ADMIN");
    }

    @Test
    void businessUsersCannotCallAdminEndpoints() {
        String user = userInNewCounty("biz", "MARKET_DEPT", "LEADER");
        forbidden(createUserAs(user));
        forbidden(createUnitAs(user));
        forbidden(http.get("/api/v1/users", user));
        forbidden(rolesAs(user, targetUser(), List.of("CUSTOMER_MANAGER")));
        forbidden(http.get("/api/v1/audit-events", user));
        forbidden(http.get("/api/v1/security-policy", user));
        forbidden(putPolicyAs(user));
    }

    @Test
    void theSystemAdministratorCannotDisableOrResetTheWatchers() {
        String sys = adminToken("sysadmin");
        for (String watcherRole : List.of("SECURITY_ADMIN", "AUDIT_ADMIN")) {
            String watcher = targetUser();
            assertThat(rolesAs(adminToken("secadmin"), watcher, List.of(watcherRole)).status()).isEqualTo(200);
            long version = http.get("/api/v1/users/" + watcher, sys).json().get("version").asLong();
            ruleRefused(http.patch("/api/v1/users/" + watcher, sys, Http.body("enabled", false, "version", version)));
            ruleRefused(http.post("/api/v1/users/" + watcher + "/password-reset", sys,
                    Http.body("newPassword", "Reset#Pass2026")));
            assertThat(http.get("/api/v1/users/" + watcher, sys).json().get("enabled").asBoolean()).isTrue();
        }
        for (String bootstrap : List.of("secadmin", "auditadmin")) {
            long version = http.get("/api/v1/users/" + bootstrap, sys).json().get("version").asLong();
            ruleRefused(http.patch("/api/v1/users/" + bootstrap, sys, Http.body("enabled", false, "version", version)));
            ruleRefused(http.post("/api/v1/users/" + bootstrap + "/password-reset", sys,
                    Http.body("newPassword", "Reset#Pass2026")));
        }
        assertThat(http.get("/api/v1/auth/me", adminToken("secadmin")).status()).isEqualTo(200);
    }
}
