package com.tobacco.retailcrm.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The node-local token cache's rules, without a database. */
class TokenCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private TokenGrant grant(long userId) {
        loads.incrementAndGet();
        return new TokenGrant(userId, Instant.parse("2030-01-01T00:00:00Z"),
                new CurrentUser(userId, "u" + userId, "用户", 1, Set.of(Role.CUSTOMER_MANAGER), false),
                Instant.parse("2026-01-01T00:00:00Z"), 90, false);
    }

    private TokenCache enabled(Duration ttl, int max) {
        TokenCache cache = new TokenCache(ttl, max);
        cache.enable(true);
        return cache;
    }

    @Test
    void aSecondLookUpOfTheSameTokenDoesNotLoadAgain() {
        TokenCache cache = enabled(Duration.ofMinutes(1), 10);
        cache.get("h", () -> grant(1));
        cache.get("h", () -> grant(1));
        assertThat(loads).hasValue(1);
    }

    @Test
    void aCacheThatCannotHearOtherNodesAlwaysLoads() {
        TokenCache cache = new TokenCache(Duration.ofMinutes(1), 10);
        cache.get("h", () -> grant(1));
        cache.get("h", () -> grant(1));
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void evictingAUserDropsEveryTokenOfTheirsAndNoOneElses() {
        TokenCache cache = enabled(Duration.ofMinutes(1), 10);
        cache.get("a1", () -> grant(1));
        cache.get("a2", () -> grant(1));
        cache.get("b", () -> grant(2));
        cache.evictUser(1);
        assertThat(cache.size()).isEqualTo(1);
        cache.get("b", () -> grant(2));
        assertThat(loads).hasValue(3);
    }

    @Test
    void aGrantLoadedWhileAnEvictionHappenedIsNotKept() {
        TokenCache cache = enabled(Duration.ofMinutes(1), 10);
        TokenGrant loaded = cache.get("h", () -> {
            TokenGrant g = grant(1);
            cache.evictUser(1); // a logout committed while this request was reading the token
            return g;
        });
        assertThat(loaded).isNotNull();
        assertThat(cache.size()).as("the possibly stale grant is not cached").isZero();
    }

    @Test
    void entriesAreReadAgainAfterTheTimeToLive() {
        TokenCache cache = enabled(Duration.ZERO, 10);
        cache.get("h", () -> grant(1));
        cache.get("h", () -> grant(1));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFullCacheStaysWithinItsBound() {
        TokenCache cache = enabled(Duration.ofMinutes(1), 3);
        for (int i = 0; i < 10; i++) {
            long user = i;
            cache.get("t" + i, () -> grant(user));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void anUnknownTokenIsNotCached() {
        TokenCache cache = enabled(Duration.ofMinutes(1), 10);
        assertThat(cache.get("h", () -> null)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCachedGrantStillExpiresAndAgesThePasswordByTheClockOfEachRequest() {
        TokenGrant g = grant(1);
        assertThat(g.callerAt(Instant.parse("2026-02-01T00:00:00Z")).user().passwordChangeRequired()).isFalse();
        assertThat(g.callerAt(Instant.parse("2026-06-01T00:00:00Z")).user().passwordChangeRequired())
                .as("older than 90 days").isTrue();
        assertThat(g.callerAt(Instant.parse("2030-01-01T00:00:00Z"))).as("the token's end").isNull();
    }
}
