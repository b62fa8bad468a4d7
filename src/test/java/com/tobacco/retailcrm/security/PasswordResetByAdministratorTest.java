package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A password reset by the system administrator is a one-time password: the user must replace it at the next
 * sign-in (API {@code passwordChangeRequired}, the page says the administrator reset it), and it is audited
 * (issue 17, point 3).
 */
class PasswordResetByAdministratorTest extends FoundationApiTest {

    private static final String RESET = "Reset#Pass2026y";

    @Test
    void theUserIsToldAtNextSignInThatTheAdministratorResetThePasswordAndMustReplaceIt() throws Exception {
        String username = "rs" + unique();
        userWithRoles(username, orgUnit("COUNTY", rootOrgCode(), "重置县"), null, List.of("CUSTOMER_MANAGER"));
        var reset = http.post("/api/v1/users/" + username + "/password-reset", adminToken("sysadmin"),
                Http.body("newPassword", RESET));
        assertThat(reset.status()).as("%s", reset).isEqualTo(204);
        assertThat(auditRows("PASSWORD_RESET", username)).singleElement()
                .satisfies(e -> assertThat(e.get("actor")).isEqualTo("sysadmin"));

        var login = login(username, RESET);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("passwordChangeRequired").asBoolean()).isTrue();
        String token = login.json().get("token").asString();
        assertThat(http.get("/api/v1/customers", token).status()).as("only the change is allowed").isEqualTo(403);

        var browser = signedInBrowser(username, RESET);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.uri().getPath()).isEqualTo("/password");
        assertThat(page.body()).contains("data-test=\"password-reset-notice\"").contains("系统管理员已于");

        var change = http.post("/api/v1/auth/password", token, Http.body("oldPassword", RESET,
                "newPassword", "Mine#Pass2026z"));
        assertThat(change.status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select password_reset_at from app_user where username = ?",
                java.sql.Timestamp.class, username)).as("told once: gone after the user's own change").isNull();
        assertThat(login(username, RESET).status()).as("the one-time password is spent").isEqualTo(401);
    }
}
