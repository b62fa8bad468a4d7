package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** UI sessions and tokens end when they should; lockouts say when to retry; HTTPS cookies (issue 17, point 2). */
class SessionEndingTest extends FoundationApiTest {

    private String newUser() {
        String county = orgUnit("COUNTY", rootOrgCode(), "会话县");
        String username = "ss" + unique();
        userWithRoles(username, county, null, List.of("CUSTOMER_MANAGER"));
        return username;
    }

    private String landingOf(HttpClient browser) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/tasks")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).uri().getPath();
    }

    @Test
    void uiSessionsAreKeptInTheDatabaseByPrincipalSoEveryNodeSeesThem() throws Exception {
        String username = newUser();
        var browser = signedInBrowser(username, USER_PASSWORD);
        assertThat(landingOf(browser)).isEqualTo("/tasks");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, username)).isEqualTo(1);
    }

    @Test
    void aPasswordChangeEndsEveryOtherTokenAndUiSessionOfTheUser() throws Exception {
        String username = newUser();
        String acting = tokenOf(username, USER_PASSWORD);
        String other = tokenOf(username, USER_PASSWORD);
        var browser = signedInBrowser(username, USER_PASSWORD);
        assertThat(landingOf(browser)).isEqualTo("/tasks");

        assertThat(http.post("/api/v1/auth/password", acting,
                Http.body("oldPassword", USER_PASSWORD, "newPassword", "Changed#Pass2026")).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/auth/me", acting).status()).as("the token that changed it").isEqualTo(200);
        assertThat(http.get("/api/v1/auth/me", other).status()).isEqualTo(401);
        assertThat(landingOf(browser)).as("the UI session ended").isEqualTo("/login");
    }

    @Test
    void anAdministratorsPasswordResetEndsEveryTokenAndUiSessionOfTheUser() throws Exception {
        String username = newUser();
        String token = tokenOf(username, USER_PASSWORD);
        var browser = signedInBrowser(username, USER_PASSWORD);
        assertThat(http.post("/api/v1/users/" + username + "/password-reset", adminToken("sysadmin"),
                Http.body("newPassword", "Reset#Pass2026x")).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/auth/me", token).status()).isEqualTo(401);
        assertThat(landingOf(browser)).isEqualTo("/login");
    }

    @Test
    void wrongOldPasswordAttemptsCountTowardsTheLockoutWhichEndsTheSessions() {
        String username = newUser();
        String token = tokenOf(username, USER_PASSWORD);
        for (int i = 0; i < 4; i++) {
            var wrong = http.post("/api/v1/auth/password", token,
                    Http.body("oldPassword", "Wrong#Pass" + i, "newPassword", "Changed#Pass2026"));
            assertThat(wrong.status()).isEqualTo(400);
        }
        var fifth = http.post("/api/v1/auth/password", token,
                Http.body("oldPassword", "Wrong#Pass5", "newPassword", "Changed#Pass2026"));
        assertThat(fifth.status()).as("%s", fifth).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.get("/api/v1/auth/me", token).status()).as("a locked account's tokens end").isEqualTo(401);
        var locked = login(username, USER_PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(auditRows("PASSWORD_CHANGE_FAILED", username)).hasSize(5);
    }

    @Test
    void aLockedOutSignInSaysWhenToRetryInRetryAfter() {
        String username = newUser();
        for (int i = 0; i < 5; i++) {
            login(username, "Wrong#Pass" + i);
        }
        var locked = login(username, USER_PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        long seconds = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(seconds).isBetween(14 * 60L, 15 * 60L);
    }

    @Test
    void theSessionCookieIsSecureAndHstsIsSentWhenServedOverHttps() {
        var plain = http.get("/login", null);
        assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContainIgnoringCase("secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

        var proxied = http.get("/login", null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("; Secure")
                .containsIgnoringCase("HttpOnly");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
        var api = http.get("/api/v1/auth/me", null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
