package com.tobacco.retailcrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.RetailCrmApplication;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on the embedded PostgreSQL (or on the
 * server named by {@code crm.test.db.url} with {@code -Pexternal-pg}), driven over real HTTP. Every test class
 * shares one application context; tests make their own uniquely named data so they do not depend on each other.
 */
@SpringBootTest(classes = RetailCrmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class ApiTest {

    public static final String BOOTSTRAP_PASSWORD = "Bootstrap#2026";
    public static final String ADMIN_PASSWORD = "Admin#Pass2026x";
    public static final String USER_PASSWORD = "User#Pass2026x";
    public static final int TEST_PASSWORD_HASH_COST = 4;

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MutableClock clock;

    protected Http http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String url = TestDatabase.url();
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", TestDatabase::user);
            registry.add("spring.datasource.password", TestDatabase::password);
        } else {
            Path dir = TemporaryDataDirectories.create("crm-test-");
            registry.add("crm.data-dir", dir::toString);
        }
        registry.add("crm.bootstrap-password", () -> BOOTSTRAP_PASSWORD);
        // The tests make hundreds of users and sign each in several times; the production cost is checked apart
        // (PasswordHashCostTest).
        registry.add("crm.security.password-hash-cost", () -> TEST_PASSWORD_HASH_COST);
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    /** Failed sign-ins of one test must not lock out the next (they all come from 127.0.0.1). */
    @AfterEach
    void forgetFailedLogins() {
        jdbc.update("delete from login_attempt where not succeeded");
    }

    /** A token for a bootstrap admin, changing the bootstrap password on first use. */
    protected String adminToken(String username) {
        return TOKENS.compute(username, (k, cached) -> cached != null && valid(cached) ? cached : freshAdminToken(username));
    }

    private boolean valid(String token) {
        return http.get("/api/v1/auth/me", token).status() == 200;
    }

    private String freshAdminToken(String username) {
        var r = apiLogin(username, ADMIN_PASSWORD);
        if (r.status() == 200) {
            return withMfa(username, ADMIN_PASSWORD, r.json().get("token").asString(),
                    r.json().get("mfaSetupRequired").asBoolean());
        }
        jdbc.update("delete from login_attempt where username = ?", username);
        r = apiLogin(username, BOOTSTRAP_PASSWORD);
        assertThat(r.status()).as("bootstrap login of %s: %s", username, r).isEqualTo(200);
        String token = r.json().get("token").asString();
        var change = http.post("/api/v1/auth/password", token,
                Http.body("oldPassword", BOOTSTRAP_PASSWORD, "newPassword", ADMIN_PASSWORD));
        assertThat(change.status()).as("password change of %s: %s", username, change).isEqualTo(204);
        return withMfa(username, ADMIN_PASSWORD, token, r.json().get("mfaSetupRequired").asBoolean());
    }

    /**
     * Signs in through the API as the user would: with the next TOTP code of their authenticator when the helpers
     * enrolled them ({@link Totp}).
     */
    protected Http.Response apiLogin(String username, String password) {
        String code = Totp.codeFor(username, clock);
        return http.post("/api/v1/auth/token", null, code == null
                ? Http.body("username", username, "password", password)
                : Http.body("username", username, "password", password, "totp", code));
    }

    /**
     * The token to work with: when the sign-in said MFA must be set up (administrators, leaders), sets it up as the
     * user would (the set-up token then ends) and signs in again with a code.
     */
    protected String withMfa(String username, String password, String token, boolean mfaSetupRequired) {
        if (!mfaSetupRequired) {
            return token;
        }
        enrolMfa(username, token);
        var again = apiLogin(username, password);
        assertThat(again.status()).as("sign-in with TOTP of %s: %s", username, again).isEqualTo(200);
        assertThat(again.json().get("mfaSetupRequired").asBoolean()).isFalse();
        return again.json().get("token").asString();
    }

    /** Turns on MFA for the token's user and remembers the secret in the tests' authenticator; the recovery codes. */
    protected java.util.List<String> enrolMfa(String username, String token) {
        var setup = http.post("/api/v1/auth/mfa/setup", token, "{}");
        assertThat(setup.status()).as("MFA setup of %s: %s", username, setup).isEqualTo(200);
        Totp.remember(username, setup.json().get("secret").asString());
        var confirm = http.post("/api/v1/auth/mfa/confirm", token, Http.body("totp", Totp.codeFor(username, clock)));
        assertThat(confirm.status()).as("MFA confirm of %s: %s", username, confirm).isEqualTo(200);
        java.util.List<String> codes = new java.util.ArrayList<>();
        confirm.json().get("recoveryCodes").forEach(c -> codes.add(c.asString()));
        return codes;
    }

    /** A unique suffix for names in this test run (the external database keeps data between runs). */
    protected static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /**
     * A random number of {@code n} digits, not starting with 0, for codes the archive wants as digits (customer code,
     * licence number, phone numbers); unique enough for a test run.
     */
    protected static String digits(int n) {
        StringBuilder sb = new StringBuilder().append(1 + ThreadLocalRandom.current().nextInt(9));
        while (sb.length() < n) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }

    /** Creates an org unit under a parent and returns its code. */
    protected String orgUnit(String type, String parentCode, String name) {
        String code = type.substring(0, 2) + unique();
        var r = http.post("/api/v1/org-units", adminToken("sysadmin"),
                Http.body("code", code, "name", name, "type", type, "parentCode", parentCode));
        assertThat(r.status()).as("create org unit: %s", r).isEqualTo(201);
        return code;
    }

    /** Creates a user with roles, changes their initial password, and returns a token for them. */
    protected String userWithRoles(String username, String orgUnitCode, String supervisor, List<String> roles) {
        var created = http.post("/api/v1/users", adminToken("sysadmin"), Http.body("username", username,
                "displayName", "测试" + username, "orgUnitCode", orgUnitCode, "supervisor", supervisor,
                "initialPassword", "Init#Pass2026"));
        assertThat(created.status()).as("create user: %s", created).isEqualTo(201);
        var assigned = http.put("/api/v1/users/" + username + "/roles", adminToken("secadmin"), Http.body("roles", roles));
        assertThat(assigned.status()).as("assign roles: %s", assigned).isEqualTo(200);
        var login = http.post("/api/v1/auth/token", null, Http.body("username", username, "password", "Init#Pass2026"));
        assertThat(login.status()).as("login: %s", login).isEqualTo(200);
        String token = login.json().get("token").asString();
        var change = http.post("/api/v1/auth/password", token,
                Http.body("oldPassword", "Init#Pass2026", "newPassword", USER_PASSWORD));
        assertThat(change.status()).as("change password: %s", change).isEqualTo(204);
        return withMfa(username, USER_PASSWORD, token, login.json().get("mfaSetupRequired").asBoolean());
    }

    protected String rootOrgCode() {
        return jdbc.queryForObject("select code from org_unit where parent_id is null", String.class);
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /**
     * Signs in through the login form as a person would (password {@link #USER_PASSWORD}, and the TOTP code when the
     * helpers enrolled the user), then reads the page as HTML.
     */
    protected String pageAs(String username, String path) throws IOException, InterruptedException {
        return pageAs(username, path, path);
    }

    /** As {@link #pageAs(String, String)}, for a path that sends the browser on to {@code landsOn}. */
    protected String pageAs(String username, String path, String landsOn) throws IOException, InterruptedException {
        HttpClient browser = signedInBrowser(username, USER_PASSWORD);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(http.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).as("signed in and not sent elsewhere").isEqualTo(URI.create(landsOn).getPath());
        return page.body();
    }

    /** A browser-like client (cookies, redirects followed) signed in through the login form as a person would. */
    protected HttpClient signedInBrowser(String username, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
        String code = Totp.codeFor(username, clock);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)
                + (code == null ? "" : "&totp=" + code);
        browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return browser;
    }
}
