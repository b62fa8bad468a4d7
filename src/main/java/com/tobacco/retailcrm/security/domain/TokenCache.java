package com.tobacco.retailcrm.security.domain;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who each recently used API token signs in, so that a request is authenticated without a database round trip.
 * Entries die on any change of their user, token or the policy: at once on this node (after the change commits) and
 * on every node through {@link AuthChangeListener}; as a safety net they also expire after {@code ttlNanos}. The
 * cache answers only while that listener is listening: a node that cannot hear the others' changes reads the database.
 * <p>
 * A load that overlaps an eviction is not kept (the epoch check), so a sign-in read just before a logout committed
 * cannot be cached after the logout evicted it.
 */
@Component
class TokenCache {

    private final Map<String, TokenGrant> entries = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private volatile boolean enabled;

    TokenCache(@Value("${crm.security.token-cache.ttl:60s}") Duration ttl,
               @Value("${crm.security.token-cache.max-entries:10000}") int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The cached grant of this token hash, else the loaded one (kept when nothing changed meanwhile). */
    TokenGrant get(String tokenHash, Supplier<TokenGrant> load) {
        if (!enabled) {
            return load.get();
        }
        TokenGrant cached = entries.get(tokenHash);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
            return cached;
        }
        long before = epoch.get();
        TokenGrant loaded = load.get();
        if (loaded == null) {
            entries.remove(tokenHash);
            return null;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.loadedAtNanos() >= ttlNanos);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(tokenHash, loaded);
        if (epoch.get() != before || !enabled) {
            entries.remove(tokenHash, loaded);
        }
        return loaded;
    }

    void evictUser(long userId) {
        epoch.incrementAndGet();
        entries.values().removeIf(e -> e.userId() == userId);
    }

    void evictToken(String tokenHash) {
        epoch.incrementAndGet();
        entries.remove(tokenHash);
    }

    void evictAll() {
        epoch.incrementAndGet();
        entries.clear();
    }

    /** On when the node hears every change (listening), off when it may have missed one. */
    void enable(boolean on) {
        enabled = on;
        evictAll();
    }

    boolean enabled() {
        return enabled;
    }

    int size() {
        return entries.size();
    }
}
