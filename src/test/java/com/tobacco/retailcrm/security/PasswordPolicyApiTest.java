package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Forced password change, strength, history and age (issue 3, point 4). */
class PasswordPolicyApiTest extends FoundationApiTest {

    private Http.Response change(String token, String oldPassword, String newPassword) {
        return http.post("/api/v1/auth/password", token, Http.body("oldPassword", oldPassword, "newPassword", newPassword));
    }

    private static List<String> fields(Http.Response r) {
        return r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void aNewUserMayDoNothingButChangeTheInitialPassword() {
        String county = orgUnit("COUNTY", rootOrgCode(), "改密县");
        String username = "pw" + unique();
        createUser(username, county, null);
        http.put("/api/v1/users/" + username + "/roles", adminToken("secadmin"), Http.body("roles", List.of("MARKET_DEPT")));
        var first = login(username, INITIAL_PASSWORD);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("passwordChangeRequired").asBoolean()).isTrue();
        String token = first.json().get("token").asString();

        for (String path : List.of("/api/v1/auth/me", "/api/v1/org-units", "/api/v1/roles")) {
            var r = http.get(path, token);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("detail").asString()).isEqualTo("请先修改密码");
        }
        assertThat(http.post("/api/v1/auth/mfa/setup", token, "{}").status()).isEqualTo(403);

        assertThat(change(token, INITIAL_PASSWORD, USER_PASSWORD).status()).isEqualTo(204);
        var me = http.get("/api/v1/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/org-units", token).status()).isEqualTo(200);
        assertThat(login(username, USER_PASSWORD).json().get("passwordChangeRequired").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ab1!x", "Abcdefgh1", "abcdefghijkl", "abcdefgh12", "ABCDEFGH!!", "          "})
    void aWeakPasswordIsRefusedNamingNewPassword(String weak) {
        String token = userInNewCounty("weak", "CUSTOMER_MANAGER");
        var r = change(token, USER_PASSWORD, weak);
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(fields(r)).containsOnly("newPassword");
    }

    @Test
    void tenCharactersOfThreeClassesAreEnough() {
        String token = userInNewCounty("ok", "CUSTOMER_MANAGER");
        assertThat(change(token, USER_PASSWORD, "Abcdefgh12").status()).isEqualTo(204);
    }

    @Test
    void theWrongCurrentPasswordIsRefusedNamingOldPassword() {
        String token = userInNewCounty("old", "CUSTOMER_MANAGER");
        var r = change(token, "Not#ThePass1", "Brand#New2026");
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("oldPassword");
    }

    @Test
    void noneOfTheLastFivePasswordsMayBeReusedButTheSixthMay() {
        String token = userInNewCounty("hist", "CUSTOMER_MANAGER");
        // History so far, oldest first: INITIAL, USER_PASSWORD.
        String current = USER_PASSWORD;
        for (String next : List.of("Second#Pass01", "Third#Pass001", "Fourth#Pass01", "Fifth#Pass001")) {
            assertThat(change(token, current, next).status()).isEqualTo(204);
            current = next;
        }
        // The last five: USER_PASSWORD, Second, Third, Fourth, Fifth (current); INITIAL is the sixth.
        for (String recent : List.of(USER_PASSWORD, "Second#Pass01", "Third#Pass001", "Fourth#Pass01", "Fifth#Pass001")) {
            var r = change(token, current, recent);
            assertThat(r.status()).as(recent).isEqualTo(400);
            assertThat(fields(r)).containsExactly("newPassword");
            assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("不能使用最近用过的密码");
        }
        assertThat(change(token, current, INITIAL_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void aPasswordOlderThanNinetyDaysMustBeChanged() {
        String county = orgUnit("COUNTY", rootOrgCode(), "过期县");
        String username = "old" + unique();
        userWithRoles(username, county, null, List.of("CUSTOMER_MANAGER"));
        assertThat(login(username, USER_PASSWORD).json().get("passwordChangeRequired").asBoolean()).isFalse();

        jdbc.update("update app_user set password_changed_at = ? where username = ?",
                Timestamp.from(now().minus(Duration.ofDays(91))), username);
        var r = login(username, USER_PASSWORD);
        assertThat(r.json().get("passwordChangeRequired").asBoolean()).isTrue();
        String token = r.json().get("token").asString();
        assertThat(http.get("/api/v1/org-units", token).status()).isEqualTo(403);
        assertThat(change(token, USER_PASSWORD, "Renewed#Pass1").status()).isEqualTo(204);
        assertThat(http.get("/api/v1/org-units", token).status()).isEqualTo(200);

        jdbc.update("update app_user set password_changed_at = ? where username = ?",
                Timestamp.from(now().minus(Duration.ofDays(89))), username);
        assertThat(login(username, "Renewed#Pass1").json().get("passwordChangeRequired").asBoolean()).isFalse();
    }

    @Test
    void aPasswordResetByTheAdministratorMustBeChangedAndEndsSessions() {
        String county = orgUnit("COUNTY", rootOrgCode(), "重置县");
        String username = "rs" + unique();
        String token = userWithRoles(username, county, null, List.of("CUSTOMER_MANAGER"));
        var weak = http.post("/api/v1/users/" + username + "/password-reset", adminToken("sysadmin"),
                Http.body("newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(fields(weak)).contains("newPassword");
        var reset = http.post("/api/v1/users/" + username + "/password-reset", adminToken("sysadmin"),
                Http.body("newPassword", "Reset#Pass2026"));
        assertThat(reset.status()).isEqualTo(204);
        assertThat(http.get("/api/v1/auth/me", token).status()).isEqualTo(401);
        assertThat(login(username, USER_PASSWORD).status()).isEqualTo(401);
        assertThat(login(username, "Reset#Pass2026").json().get("passwordChangeRequired").asBoolean()).isTrue();
    }
}
