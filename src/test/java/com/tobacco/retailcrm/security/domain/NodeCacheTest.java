package com.tobacco.retailcrm.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-node cache both the token and the scope cache keep their entries in, without a database. */
class NodeCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    private NodeCache<String, String> enabled(Duration ttl, int max) {
        NodeCache<String, String> cache = new NodeCache<>(ttl, max);
        cache.enable(true);
        return cache;
    }

    @Test
    void aCachedValueIsNotLoadedAgainWithinItsTimeToLive() {
        NodeCache<String, String> cache = enabled(Duration.ofMinutes(1), 10);
        assertThat(cache.get("k", () -> load("v1"))).isEqualTo("v1");
        assertThat(cache.get("k", () -> load("v2"))).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aValueIsLoadedAgainAfterItsTimeToLive() {
        NodeCache<String, String> cache = enabled(Duration.ZERO, 10);
        cache.get("k", () -> load("v1"));
        assertThat(cache.get("k", () -> load("v2"))).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aCacheThatMayHaveMissedAChangeAlwaysLoadsAndKeepsNothing() {
        NodeCache<String, String> cache = new NodeCache<>(Duration.ofMinutes(1), 10);
        cache.get("k", () -> load("v"));
        cache.get("k", () -> load("v"));
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
        cache.enable(true);
        cache.get("k", () -> load("v"));
        cache.enable(false);
        assertThat(cache.size()).as("turning it off empties it").isZero();
    }

    @Test
    void aLoadThatOverlappedAnEvictionIsAnsweredButNotKept() {
        NodeCache<String, String> cache = enabled(Duration.ofMinutes(1), 10);
        assertThat(cache.get("k", () -> {
            cache.evict("other"); // a change committed while this value was being read
            return load("v");
        })).isEqualTo("v");
        assertThat(cache.size()).isZero();
    }

    @Test
    void aNullLoadIsNotKeptAndDropsTheOldValue() {
        NodeCache<String, String> cache = enabled(Duration.ZERO, 10);
        cache.get("k", () -> load("v"));
        assertThat(cache.get("k", () -> null)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void evictionsDropWhatTheySayAndNothingElse() {
        NodeCache<String, String> cache = enabled(Duration.ofMinutes(1), 10);
        cache.get("a", () -> load("x1"));
        cache.get("b", () -> load("x2"));
        cache.get("c", () -> load("y"));
        cache.evict("a");
        assertThat(cache.size()).isEqualTo(2);
        cache.evictIf(v -> v.startsWith("x"));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("c", () -> load("other"))).isEqualTo("y");
        cache.evictAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFullCacheStaysWithinItsBound() {
        NodeCache<String, String> cache = enabled(Duration.ofMinutes(1), 3);
        for (int i = 0; i < 10; i++) {
            String v = "v" + i;
            cache.get("k" + i, () -> load(v));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
}
