package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-in, lockout, spraying protection, token lifetime and logout (issue 3, points 1–3). */
class SignInApiTest extends FoundationApiTest {

    private String newUser() {
        String county = orgUnit("COUNTY", rootOrgCode(), "登录测试县");
        String username = "si" + unique();
        userWithRoles(username, county, null, List.of("CUSTOMER_MANAGER"));
        return username;
    }

    private void assertRefused(Http.Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void goodCredentialsGiveATokenExpiringInEightHoursInChinaTime() {
        String username = newUser();
        var r = login(username, USER_PASSWORD);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("token").asString()).hasSizeGreaterThan(30);
        assertThat(r.json().get("passwordChangeRequired").asBoolean()).isFalse();
        String expiresAt = r.json().get("expiresAt").asString();
        assertThat(expiresAt).endsWith("+08:00");
        var expected = now().plus(Duration.ofHours(8));
        assertThat(Duration.between(expected, OffsetDateTime.parse(expiresAt).toInstant()).abs())
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledUserGetTheSameRefusal() {
        String username = newUser();
        var wrong = login(username, "Wrong#Pass2026");
        var unknown = login("nobody" + unique(), USER_PASSWORD);
        assertRefused(wrong, 401);
        assertRefused(unknown, 401);
        assertThat(unknown.json().get("detail").asString()).isEqualTo(wrong.json().get("detail").asString())
                .isEqualTo("用户名或密码错误");

        disable(username);
        var disabled = login(username, USER_PASSWORD);
        assertRefused(disabled, 401);
        assertThat(disabled.json().get("detail").asString()).isEqualTo(wrong.json().get("detail").asString());
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockEnds() {
        String username = newUser();
        for (int i = 0; i < 5; i++) {
            assertRefused(login(username, "Wrong#Pass" + i), 401);
        }
        var locked = login(username, USER_PASSWORD);
        assertRefused(locked, 429);
        assertThat(locked.json().get("detail").asString()).contains("锁定");

        clock.advance(Duration.ofMinutes(14));
        assertRefused(login(username, USER_PASSWORD), 429);
        clock.advance(Duration.ofMinutes(2));
        assertThat(login(username, USER_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotAddUp() {
        String username = newUser();
        for (int i = 0; i < 4; i++) {
            assertRefused(login(username, "Wrong#Pass" + i), 401);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertRefused(login(username, "Wrong#Pass" + i), 401);
        }
        assertThat(login(username, USER_PASSWORD).status()).as("8 failures, never 5 within 15 minutes").isEqualTo(200);
    }

    @Test
    void theFifthFailureWithinTheWindowLocksEvenAfterOlderOnes() {
        String username = newUser();
        assertRefused(login(username, "Wrong#Pass0"), 401);
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 5; i++) {
            assertRefused(login(username, "Wrong#Pass" + i), 401);
        }
        assertRefused(login(username, USER_PASSWORD), 429);
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        String username = newUser();
        for (int i = 0; i < 4; i++) {
            assertRefused(login(username, "Wrong#Pass" + i), 401);
        }
        assertThat(login(username, USER_PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertRefused(login(username, "Wrong#Pass" + i), 401);
        }
        assertThat(login(username, USER_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void manyFailuresAcrossUsernamesFromOneAddressBlockThatAddressForTheWindow() {
        String username = newUser();
        int threshold = jdbc.queryForObject("select ip_failure_threshold from security_policy", Integer.class);
        for (int i = 0; i < threshold; i++) {
            assertRefused(login("spray" + i + unique(), "Spray#Pass2026"), 401);
        }
        var blocked = login(username, USER_PASSWORD);
        assertRefused(blocked, 429);
        assertThat(blocked.json().get("detail").asString()).contains("地址");

        clock.advance(Duration.ofMinutes(16));
        assertThat(login(username, USER_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aTokenStopsWorkingAfterEightHours() {
        String username = newUser();
        String token = tokenOf(username, USER_PASSWORD);
        clock.advance(Duration.ofHours(7).plusMinutes(58));
        assertThat(http.get("/api/v1/auth/me", token).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(3));
        assertRefused(http.get("/api/v1/auth/me", token), 401);
    }

    @Test
    void logoutRevokesTheTokenButNotTheUsersOtherTokens() {
        String username = newUser();
        String first = tokenOf(username, USER_PASSWORD);
        String second = tokenOf(username, USER_PASSWORD);
        assertThat(http.post("/api/v1/auth/logout", first, "{}").status()).isEqualTo(204);
        assertRefused(http.get("/api/v1/auth/me", first), 401);
        assertThat(http.get("/api/v1/auth/me", second).status()).isEqualTo(200);
    }

    @Test
    void disablingAUserEndsTheirTokens() {
        String username = newUser();
        String token = tokenOf(username, USER_PASSWORD);
        disable(username);
        assertRefused(http.get("/api/v1/auth/me", token), 401);
        assertRefused(http.get("/api/v1/org-units", token), 401);
    }

    @Test
    void anInvalidTokenIsNotSignedIn() {
        assertRefused(http.get("/api/v1/auth/me", "not-a-token"), 401);
        assertRefused(http.get("/api/v1/auth/me", "x".repeat(500)), 401);
    }

    private void disable(String username) {
        String sys = adminToken("sysadmin");
        long version = http.get("/api/v1/users/" + username, sys).json().get("version").asLong();
        var r = http.patch("/api/v1/users/" + username, sys, Http.body("enabled", false, "version", version));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
    }
}
