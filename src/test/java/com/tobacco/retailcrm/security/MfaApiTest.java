package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Turning on TOTP and signing in with it (issue 3, point 11). */
class MfaApiTest extends FoundationApiTest {

    /** The code an authenticator app shows now, computed on the application's (test) clock. */
    private String codeFor(String secret, long periodsFromNow) {
        long counter = Math.floorDiv(now().getEpochSecond(), 30) + periodsFromNow;
        try {
            return new DefaultCodeGenerator().generate(secret, counter);
        } catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Http.Response login(String username, String password, String totp) {
        return http.post("/api/v1/auth/token", null, Http.body("username", username, "password", password, "totp", totp));
    }

    @Test
    void afterConfirmingMfaSignInNeedsTheCurrentCode() {
        String county = orgUnit("COUNTY", rootOrgCode(), "双因素县");
        String username = "mfa" + unique();
        String token = userWithRoles(username, county, null, List.of("LEADER"));

        var setup = http.post("/api/v1/auth/mfa/setup", token, "{}");
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.json().get("secret").asString();
        assertThat(setup.json().get("otpauthUri").asString()).startsWith("otpauth://totp/").contains("secret=" + secret);
        // Not yet in force: sign-in without a code still works until the code is confirmed.
        assertThat(login(username, USER_PASSWORD).status()).isEqualTo(200);

        var wrongConfirm = http.post("/api/v1/auth/mfa/confirm", token, Http.body("code", "000000".equals(codeFor(secret, 0))
                ? "111111" : "000000"));
        assertThat(wrongConfirm.status()).isEqualTo(400);
        assertThat(wrongConfirm.json().get("errors").get(0).get("field").asString()).isEqualTo("code");

        assertThat(http.post("/api/v1/auth/mfa/confirm", token, Http.body("code", codeFor(secret, 0))).status())
                .isEqualTo(204);
        assertThat(http.post("/api/v1/auth/mfa/setup", token, "{}").status()).isEqualTo(422);

        var missing = login(username, USER_PASSWORD);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("detail").asString()).isEqualTo("请输入动态验证码");

        var wrong = login(username, USER_PASSWORD, wrongCode(secret));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).isEqualTo("动态验证码不正确");

        var right = login(username, USER_PASSWORD, codeFor(secret, 0));
        assertThat(right.status()).as("%s", right).isEqualTo(200);
        assertThat(right.json().get("token").asString()).isNotBlank();

        assertThat(login(username, "Wrong#Pass2026", codeFor(secret, 0)).status())
                .as("a right code does not make up for a wrong password").isEqualTo(401);
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
}
