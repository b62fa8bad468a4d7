package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import com.tobacco.retailcrm.support.Totp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Turning on TOTP and signing in with it (issue 3, point 11; issue 17, point 1: on by default, codes once). */
class MfaApiTest extends FoundationApiTest {

    /** The code an authenticator app shows now (or periods away), on the application's (test) clock. */
    private String codeFor(String secret, long periodsFromNow) {
        return Totp.code(secret, Math.floorDiv(now().getEpochSecond(), 30) + periodsFromNow);
    }

    private Http.Response login(String username, String password, String totp) {
        return http.post("/api/v1/auth/token", null, Http.body("username", username, "password", password, "totp", totp));
    }

    /** A user of a role MFA is optional for, with a token and an MFA secret prepared but not confirmed. */
    private record Prepared(String username, String token, String secret) {
    }

    private Prepared prepared(String role) {
        String county = orgUnit("COUNTY", rootOrgCode(), "双因素县");
        String username = "mfa" + unique();
        String token = userWithRoles(username, county, null, List.of(role));
        var setup = http.post("/api/v1/auth/mfa/setup", token, "{}");
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.json().get("secret").asString();
        assertThat(setup.json().get("otpauthUri").asString()).startsWith("otpauth://totp/").contains("secret=" + secret);
        return new Prepared(username, token, secret);
    }

    @Test
    void afterConfirmingMfaSignInNeedsTheCurrentCode() {
        var p = prepared("CUSTOMER_MANAGER");
        // Not yet in force: sign-in without a code still works until the code is confirmed.
        assertThat(login(p.username(), USER_PASSWORD).status()).isEqualTo(200);

        var wrongConfirm = http.post("/api/v1/auth/mfa/confirm", p.token(), Http.body("totp", wrongCode(p.secret())));
        assertThat(wrongConfirm.status()).isEqualTo(400);
        assertThat(wrongConfirm.json().get("errors").get(0).get("field").asString()).isEqualTo("totp");

        var confirmed = http.post("/api/v1/auth/mfa/confirm", p.token(), Http.body("totp", codeFor(p.secret(), 0)));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("recoveryCodes").size()).isEqualTo(10);

        var missing = login(p.username(), USER_PASSWORD);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("detail").asString()).isEqualTo("请输入动态验证码");

        var wrong = login(p.username(), USER_PASSWORD, wrongCode(p.secret()));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).isEqualTo("动态验证码不正确");

        var right = login(p.username(), USER_PASSWORD, codeFor(p.secret(), 1));
        assertThat(right.status()).as("%s", right).isEqualTo(200);
        assertThat(right.json().get("token").asString()).isNotBlank();

        clock.advance(java.time.Duration.ofSeconds(60));
        assertThat(login(p.username(), "Wrong#Pass2026", codeFor(p.secret(), 0)).status())
                .as("a right code does not make up for a wrong password").isEqualTo(401);
    }

    @Test
    void aTotpCodeIsAcceptedOnlyOnce() {
        var p = prepared("CUSTOMER_MANAGER");
        assertThat(http.post("/api/v1/auth/mfa/confirm", p.token(), Http.body("totp", codeFor(p.secret(), 0))).status())
                .isEqualTo(200);
        String code = codeFor(p.secret(), 1);
        assertThat(login(p.username(), USER_PASSWORD, code).status()).isEqualTo(200);
        var replay = login(p.username(), USER_PASSWORD, code);
        assertThat(replay.status()).as("the same code a second time").isEqualTo(401);
        assertThat(replay.json().get("detail").asString()).isEqualTo("动态验证码不正确");
        assertThat(login(p.username(), USER_PASSWORD, codeFor(p.secret(), 0)).status())
                .as("nor an earlier one").isEqualTo(401);
    }

    @Test
    void tokensIssuedBeforeEnrolmentEndAtEnrolment() {
        var p = prepared("CUSTOMER_MANAGER");
        String other = login(p.username(), USER_PASSWORD).json().get("token").asString();
        assertThat(http.get("/api/v1/auth/me", other).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/auth/mfa/confirm", p.token(), Http.body("totp", codeFor(p.secret(), 0))).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/auth/me", other).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/auth/me", p.token()).status()).as("the enrolling token too").isEqualTo(401);
    }

    @Test
    void aRecoveryCodeStandsInForTheAuthenticatorOnce() {
        var p = prepared("CUSTOMER_MANAGER");
        var codes = http.post("/api/v1/auth/mfa/confirm", p.token(), Http.body("totp", codeFor(p.secret(), 0)))
                .json().get("recoveryCodes");
        String recovery = codes.get(3).asString();
        assertThat(recovery).matches("[a-z0-9]{4}-[a-z0-9]{4}");
        assertThat(login(p.username(), USER_PASSWORD, recovery).status()).isEqualTo(200);
        assertThat(login(p.username(), USER_PASSWORD, recovery).status()).isEqualTo(401);
    }

    /** A code valid in none of the periods the verifier accepts (one either side of now). */
    private String wrongCode(String secret) {
        var valid = List.of(codeFor(secret, -1), codeFor(secret, 0), codeFor(secret, 1));
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    @Test
    void mfaIsRequiredByDefaultOfAdministratorsAndLeadersWhoMaySetItUpAndChangeTheirPasswordOnly() {
        assertThat(http.get("/api/v1/security-policy", adminToken("secadmin")).json().get("mfaRequiredForAdmins")
                .asBoolean()).isTrue();
        for (String role : List.of("LEADER", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN")) {
            String username = "mfar" + unique();
            var created = http.post("/api/v1/users", adminToken("sysadmin"), Http.body("username", username,
                    "displayName", "测试" + username, "orgUnitCode", rootOrgCode(), "initialPassword", INITIAL_PASSWORD));
            assertThat(created.status()).isEqualTo(201);
            assertThat(http.put("/api/v1/users/" + username + "/roles", adminToken("secadmin"),
                    Http.body("roles", List.of(role))).status()).isEqualTo(200);
            var first = login(username, INITIAL_PASSWORD);
            assertThat(first.json().get("mfaSetupRequired").asBoolean()).as(role).isTrue();
            String token = first.json().get("token").asString();
            assertThat(http.post("/api/v1/auth/password", token,
                    Http.body("oldPassword", INITIAL_PASSWORD, "newPassword", USER_PASSWORD)).status()).isEqualTo(204);

            var me = http.get("/api/v1/auth/me", token);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("mfaSetupRequired").asBoolean()).isTrue();
            for (String path : List.of("/api/v1/org-units", "/api/v1/users", "/api/v1/audit-events", "/api/v1/customers")) {
                var refused = http.get(path, token);
                assertThat(refused.status()).as("%s %s", role, path).isEqualTo(403);
                assertThat(refused.json().get("detail").asString()).contains("双因素");
            }
            assertThat(http.method("POST", "/api/v1/org-units", token, "not json").status())
                    .as("refused before the body is read").isEqualTo(403);
            String fine = withMfa(username, USER_PASSWORD, token, true);
            assertThat(http.get("/api/v1/org-units", fine).status()).isEqualTo(200);
        }
        assertThat(http.get("/api/v1/org-units", userInNewCounty("mfabiz", "MARKET_DEPT")).status())
                .as("business users are not asked for MFA").isEqualTo(200);
    }

    @Test
    void withThePolicySwitchedOffAnAdministratorMaySignInWithThePasswordAlone() {
        String sec = adminToken("secadmin");
        var policy = http.get("/api/v1/security-policy", sec).json();
        String off = policy.toString().replace("\"mfaRequiredForAdmins\":true", "\"mfaRequiredForAdmins\":false");
        try {
            assertThat(http.method("PUT", "/api/v1/security-policy", sec, off).status()).isEqualTo(200);
            String admin = "mfaoff" + unique();
            var created = http.post("/api/v1/users", adminToken("sysadmin"), Http.body("username", admin,
                    "displayName", "测试" + admin, "orgUnitCode", rootOrgCode(), "initialPassword", INITIAL_PASSWORD));
            assertThat(created.status()).isEqualTo(201);
            assertThat(http.put("/api/v1/users/" + admin + "/roles", sec, Http.body("roles", List.of("AUDIT_ADMIN")))
                    .status()).isEqualTo(200);
            assertThat(login(admin, INITIAL_PASSWORD).json().get("mfaSetupRequired").asBoolean()).isFalse();
        } finally {
            jdbc.update("update security_policy set mfa_required_for_admins = true");
        }
    }
}
