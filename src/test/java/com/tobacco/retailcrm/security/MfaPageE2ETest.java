package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import com.tobacco.retailcrm.support.Totp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MFA set-up page: an administrator who signed in with the password alone can reach nothing else (issue 17). */
class MfaPageE2ETest extends BrowserTest {

    /** An audit administrator with a chosen password and no MFA yet. */
    private String auditAdminWithoutMfa() {
        String username = "mfaui" + unique();
        assertThat(http.post("/api/v1/users", adminToken("sysadmin"), Http.body("username", username,
                "displayName", "审计员" + username.substring(5, 8), "orgUnitCode", rootOrgCode(),
                "initialPassword", "Init#Pass2026")).status()).isEqualTo(201);
        assertThat(http.put("/api/v1/users/" + username + "/roles", adminToken("secadmin"),
                Http.body("roles", List.of("AUDIT_ADMIN"))).status()).isEqualTo(200);
        String token = apiLogin(username, "Init#Pass2026").json().get("token").asString();
        assertThat(http.post("/api/v1/auth/password", token,
                Http.body("oldPassword", "Init#Pass2026", "newPassword", USER_PASSWORD)).status()).isEqualTo(204);
        return username;
    }

    @Test
    void anAdministratorWithoutMfaIsSentToTheSetUpPageUntilItIsOnThenSignsInWithACode() {
        String username = auditAdminWithoutMfa();
        signIn(username, USER_PASSWORD);
        open("/admin/audit");
        waitFor(d -> d.getCurrentUrl().endsWith("/mfa"));
        assertThat(find("[data-test=mfa-forced]").getText()).contains("双因素认证");
        assertThat(find("[data-test=mfa-qr]").getAttribute("src")).startsWith("data:image/png;base64,");
        screenshot("mfa-setup");

        Totp.remember(username, find("[data-test=mfa-secret]").getText().replace(" ", ""));
        find("#code").sendKeys("000000".equals(Totp.codeFor(username, clock)) ? "111111" : "000000");
        clickAndWaitForNewPage("[data-test=mfa-submit]");
        assertThat(find("[data-test=mfa-error]").getText()).isEqualTo("动态验证码不正确");

        find("#code").sendKeys(Totp.codeFor(username, clock));
        clickAndWaitForNewPage("[data-test=mfa-submit]");
        assertThat(texts("[data-test=recovery-codes] li")).hasSize(10).allMatch(c -> c.matches("[a-z0-9]{4}-[a-z0-9]{4}"));
        screenshot("mfa-recovery-codes");

        open("/admin/audit");
        waitFor(d -> d.getCurrentUrl().endsWith("/admin/audit"));

        find("[data-test=logout]").click();
        waitFor(d -> d.getCurrentUrl().contains("/login"));
        signIn(username, USER_PASSWORD);
        open("/admin/audit");
        waitFor(d -> d.getCurrentUrl().endsWith("/admin/audit"));
    }
}
