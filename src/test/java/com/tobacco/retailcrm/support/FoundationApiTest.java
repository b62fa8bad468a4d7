package com.tobacco.retailcrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Helpers shared by the foundation's integration tests: users that have not yet changed their initial password,
 * sign-ins, and reading the audit log. Same context as every {@link ApiTest}.
 */
public abstract class FoundationApiTest extends ApiTest {

    public static final String INITIAL_PASSWORD = "Init#Pass2026";

    /** Creates a user (no roles) who still has to change the initial password. */
    protected void createUser(String username, String orgUnitCode, String supervisor) {
        var created = http.post("/api/v1/users", adminToken("sysadmin"), Http.body("username", username,
                "displayName", "测试" + username, "orgUnitCode", orgUnitCode, "supervisor", supervisor,
                "initialPassword", INITIAL_PASSWORD));
        assertThat(created.status()).as("create user: %s", created).isEqualTo(201);
    }

    /** A sign-in through the API, with a TOTP code when the helpers enrolled the user. */
    protected Http.Response login(String username, String password) {
        return apiLogin(username, password);
    }

    protected String tokenOf(String username, String password) {
        var r = login(username, password);
        assertThat(r.status()).as("login of %s: %s", username, r).isEqualTo(200);
        return r.json().get("token").asString();
    }

    /** A signed-in user with these roles in a new county of their own. */
    protected String userInNewCounty(String prefix, String... roles) {
        String county = orgUnit("COUNTY", rootOrgCode(), "县" + prefix);
        return userWithRoles(prefix + unique(), county, null, List.of(roles));
    }

    /** The audit rows of one action on one target, straight from the table. */
    protected List<Map<String, Object>> auditRows(String action, String targetId) {
        return jdbc.queryForList("select * from audit_event where action = ? and target_id = ? order by id",
                action, targetId);
    }

    protected Instant now() {
        return clock.instant();
    }
}
