package com.tobacco.retailcrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.Http;
import com.tobacco.retailcrm.support.StandaloneApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded database keeps its data across a restart and Flyway accepts the existing schema (issue 3,
 * point 10). Starts its own application twice on one data directory, apart from the shared test context; only
 * on the embedded database (the external-server profile has no data directory of its own).
 */
@EnabledIf("onEmbeddedDatabase")
class RestartKeepsDataTest {

    private static final String BOOTSTRAP = "Restart#Boot2026";
    private static final String CHANGED = "Restart#Changed26";

    static boolean onEmbeddedDatabase() {
        return StandaloneApp.onEmbeddedDatabase();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return StandaloneApp.start(dataDir, BOOTSTRAP);
    }

    private static Http http(ConfigurableApplicationContext app) {
        return StandaloneApp.http(app);
    }

    private String secret;
    private long lastStep = Long.MIN_VALUE;

    private String login(Http http, String password) {
        var body = secret == null ? Http.body("username", "sysadmin", "password", password)
                : Http.body("username", "sysadmin", "password", password, "totp", nextCode());
        var r = http.post("/api/v1/auth/token", null, body);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("token").asString();
    }

    /** This app runs on the real clock: a code of a later step than the last one used (a code is accepted once). */
    private String nextCode() {
        long now = Math.floorDiv(java.time.Instant.now().getEpochSecond(), 30);
        while (Math.max(now, lastStep + 1) > now + 1) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = Math.floorDiv(java.time.Instant.now().getEpochSecond(), 30);
        }
        lastStep = Math.max(now, lastStep + 1);
        return com.tobacco.retailcrm.support.Totp.code(secret, lastStep);
    }

    /** The policy requires MFA of administrators: set it up, then sign in again with a code. */
    private String enrolled(Http http, String token, String password) {
        secret = http.post("/api/v1/auth/mfa/setup", token, "{}").json().get("secret").asString();
        assertThat(http.post("/api/v1/auth/mfa/confirm", token, Http.body("totp", nextCode())).status()).isEqualTo(200);
        return login(http, password);
    }

    @Test
    void dataSurvivesARestartOnTheSameDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-restart-");
        try {
            restartTwice(dataDir);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private void restartTwice(Path dataDir) {
        String code = "RS" + System.nanoTime() % 1_000_000;
        int migrations;
        try (var app = start(dataDir)) {
            Http http = http(app);
            String token = login(http, BOOTSTRAP);
            assertThat(http.post("/api/v1/auth/password", token, Http.body("oldPassword", BOOTSTRAP,
                    "newPassword", CHANGED)).status()).isEqualTo(204);
            token = enrolled(http, token, CHANGED);
            assertThat(http.post("/api/v1/org-units", token, Http.body("code", code, "name", "重启县", "type", "COUNTY",
                    "parentCode", "HQ")).status()).isEqualTo(201);
            migrations = app.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from flyway_schema_history where success", Integer.class);
        }

        try (var app = start(dataDir)) {
            Http http = http(app);
            String token = login(http, CHANGED);
            var units = http.get("/api/v1/org-units", token).json().get("items");
            assertThat(units.valueStream().map(u -> u.get("code").asString())).contains(code, "HQ");
            var jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'sysadmin'", Integer.class))
                    .as("the administrators are not created twice").isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                    .isEqualTo(migrations);
        }
    }
}
