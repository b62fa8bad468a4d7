package com.tobacco.retailcrm.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens are served from each node's cache (no database round trip per request) and every change that ends or
 * alters a sign-in reaches the cache at once: on this node, and on a second node sharing the database (a second
 * cache, listener and token service on the same PostgreSQL, as a second jar would have).
 */
class TokenCacheApiTest extends FoundationApiTest {

    @Autowired
    TokenCache cache;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserAccountRepository users;
    @Autowired
    SecurityPolicyRepository policies;
    @Autowired
    PlatformTransactionManager transactions;

    private TokenCache otherCache;
    private AuthChangeListener otherListener;
    private TokenService otherNode;

    @BeforeEach
    void secondNode() throws InterruptedException {
        otherCache = new TokenCache(Duration.ofMinutes(1), 1000);
        otherListener = new AuthChangeListener(dataSource, otherCache, new ScopeCache(Duration.ofMinutes(1), 1000));
        otherListener.start();
        otherNode = new TokenService(jdbc, users, policies, clock, otherCache, otherListener, transactions);
        awaitListening(otherCache);
        awaitListening(cache);
    }

    @AfterEach
    void stopSecondNode() {
        otherListener.stop();
    }

    private static void awaitListening(TokenCache c) throws InterruptedException {
        for (int i = 0; i < 100 && !c.enabled(); i++) {
            Thread.sleep(50);
        }
        assertThat(c.enabled()).as("the node listens for sign-in changes").isTrue();
    }

    private String newUser() {
        return userWithRoles("tc" + unique(), orgUnit("COUNTY", rootOrgCode(), "缓存县"), null,
                List.of("CUSTOMER_MANAGER"));
    }

    private int me(String token) {
        return http.get("/api/v1/auth/me", token).status();
    }

    /** Revokes the token in the database without telling any node: what a cache that never asks would miss. */
    private void revokeUnheard(String token) throws Exception {
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            st.execute("set session_replication_role = replica"); // triggers off for this session only
            st.executeUpdate("update auth_token set revoked_at = now() where token_hash = '" + TokenService.hash(token) + "'");
            st.execute("set session_replication_role = origin");
        }
    }

    @Test
    void aTokenSeenOnceIsServedFromTheCacheWithoutReadingTheDatabase() throws Exception {
        String token = newUser();
        assertThat(me(token)).isEqualTo(200);
        revokeUnheard(token);
        assertThat(me(token)).as("served from the cache: the database was not read").isEqualTo(200);
        long userId = jdbc.queryForObject("select user_id from auth_token where token_hash = ?", Long.class,
                TokenService.hash(token));
        jdbc.queryForList("select pg_notify('crm_auth', ?)", String.valueOf(userId));
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (me(token) == 200 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(me(token)).as("the notification evicted it").isEqualTo(401);
    }

    @Test
    void aLogoutEndsTheCachedTokenAtOnce() {
        String token = newUser();
        assertThat(me(token)).isEqualTo(200);
        assertThat(me(token)).isEqualTo(200);
        assertThat(http.post("/api/v1/auth/logout", token, java.util.Map.of()).status()).isEqualTo(204);
        assertThat(me(token)).isEqualTo(401);
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherCachedTokensAtOnceAndKeepsTheActingOne() {
        String username = "tc" + unique();
        String acting = userWithRoles(username, orgUnit("COUNTY", rootOrgCode(), "缓存县"), null, List.of("CUSTOMER_MANAGER"));
        String other = tokenOf(username, USER_PASSWORD);
        assertThat(me(other)).isEqualTo(200);
        assertThat(otherNode.resolve(other)).isPresent();
        assertThat(http.post("/api/v1/auth/password", acting,
                Http.body("oldPassword", USER_PASSWORD, "newPassword", "Cached#Pass2026")).status()).isEqualTo(204);
        assertThat(me(other)).isEqualTo(401);
        assertThat(otherNode.resolve(other)).as("on the other node too").isEmpty();
        assertThat(me(acting)).isEqualTo(200);
    }

    @Test
    void anAdministratorsResetRoleChangeOrLockEndsCachedTokensAtOnce() {
        String sys = adminToken("sysadmin");
        String sec = adminToken("secadmin");
        String reset = "tc" + unique();
        String t1 = userWithRoles(reset, orgUnit("COUNTY", rootOrgCode(), "缓存县"), null, List.of("CUSTOMER_MANAGER"));
        assertThat(me(t1)).isEqualTo(200);
        assertThat(http.post("/api/v1/users/" + reset + "/password-reset", sys,
                Http.body("newPassword", "Reset#Pass2026x")).status()).isEqualTo(204);
        assertThat(me(t1)).isEqualTo(401);

        String roles = "tc" + unique();
        String t2 = userWithRoles(roles, orgUnit("COUNTY", rootOrgCode(), "缓存县"), null, List.of("CUSTOMER_MANAGER"));
        assertThat(otherNode.resolve(t2)).isPresent();
        assertThat(me(t2)).isEqualTo(200);
        assertThat(http.put("/api/v1/users/" + roles + "/roles", sec, Http.body("roles", List.of("MARKET_MANAGER")))
                .status()).isEqualTo(200);
        assertThat(me(t2)).isEqualTo(401);
        assertThat(otherNode.resolve(t2)).isEmpty();

        String locked = "tc" + unique();
        String t3 = userWithRoles(locked, orgUnit("COUNTY", rootOrgCode(), "缓存县"), null, List.of("CUSTOMER_MANAGER"));
        assertThat(me(t3)).isEqualTo(200);
        long version = http.get("/api/v1/users/" + locked, sys).json().get("version").asLong();
        assertThat(http.patch("/api/v1/users/" + locked, sys, Http.body("enabled", false, "version", version))
                .status()).isEqualTo(200);
        assertThat(me(t3)).isEqualTo(401);
    }

    @Test
    void aRenamedUsersCachedTokenShowsTheNewNameAtOnce() {
        String sys = adminToken("sysadmin");
        String username = "tc" + unique();
        String token = userWithRoles(username, orgUnit("COUNTY", rootOrgCode(), "缓存县"), null, List.of("CUSTOMER_MANAGER"));
        assertThat(otherNode.resolve(token).orElseThrow().user().displayName()).isNotEqualTo("新名字");
        assertThat(me(token)).isEqualTo(200);
        long version = http.get("/api/v1/users/" + username, sys).json().get("version").asLong();
        assertThat(http.patch("/api/v1/users/" + username, sys, Http.body("displayName", "新名字", "version", version))
                .status()).isEqualTo(200);
        assertThat(http.get("/api/v1/auth/me", token).json().get("displayName").asString()).isEqualTo("新名字");
        assertThat(otherNode.resolve(token).orElseThrow().user().displayName()).isEqualTo("新名字");
    }

    @Test
    void aLogoutOnEitherNodeEndsTheTokenOnTheOtherWithinASecond() throws InterruptedException {
        String onA = newUser();
        assertThat(otherNode.resolve(onA)).as("node B resolves a token node A issued").isPresent();
        // a notification of the new user's own setup still on its way evicts on node B, and a load that overlaps an
        // eviction is not kept: node B keeps the token once those have passed
        assertThat(within(Duration.ofSeconds(1), () -> otherNode.resolve(onA).isPresent() && otherCache.size() > 0))
                .as("node B caches a token node A issued").isTrue();
        assertThat(http.post("/api/v1/auth/logout", onA, java.util.Map.of()).status()).isEqualTo(204);
        // node A answers once every listening node, B included, has acknowledged the change
        assertThat(otherNode.resolve(onA)).as("ended on node B when node A answers").isEmpty();

        String onB = newUser();
        assertThat(me(onB)).isEqualTo(200);
        new TransactionTemplate(transactions).executeWithoutResult(s -> otherNode.revoke(onB));
        assertThat(within(Duration.ofSeconds(1), () -> me(onB) == 401))
                .as("ended on node A within a second of node B's logout").isTrue();
    }

    @Test
    void aLogoutIsAnsweredOnlyOnceABusyNodeHasDroppedTheToken() throws InterruptedException {
        TokenCache busyCache = new TokenCache(Duration.ofMinutes(1), 1000);
        AuthChangeListener busy = new AuthChangeListener(dataSource, busyCache, new ScopeCache(Duration.ofMinutes(1), 1000)) {
            @Override
            void apply(String payload) {
                // a node whose listener gets a core a fifth of a second late
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.apply(payload);
            }
        };
        busy.start();
        try {
            TokenService busyNode = new TokenService(jdbc, users, policies, clock, busyCache, busy, transactions);
            awaitListening(busyCache);
            String token = newUser();
            assertThat(within(Duration.ofSeconds(5), () -> busyNode.resolve(token).isPresent() && busyCache.size() > 0))
                    .as("the busy node caches the token").isTrue();
            long start = System.nanoTime();
            assertThat(http.post("/api/v1/auth/logout", token, java.util.Map.of()).status()).isEqualTo(204);
            long answeredAfter = System.nanoTime() - start;
            assertThat(busyNode.resolve(token)).as("on the busy node right after the answer").isEmpty();
            assertThat(Duration.ofNanos(answeredAfter)).as("the answer waited for the busy node")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        } finally {
            busy.stop();
        }
    }

    private static boolean within(Duration limit, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
