package com.tobacco.retailcrm.security.domain;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who each recently used API token signs in, so that a request is authenticated without a database round trip.
 * Entries die on any change of their user, token or the policy: at once on this node (after the change commits) and
 * on every node through {@link AuthChangeListener}; as a safety net they also expire after the time to live. A
 * {@link NodeCache}: it answers only while that listener is listening (a node that cannot hear the others' changes
 * reads the database), and a load that overlaps an eviction is not kept, so a sign-in read just before a logout
 * committed cannot be cached after the logout evicted it.
 */
@Component
class TokenCache {

    private final NodeCache<String, TokenGrant> grants;

    TokenCache(@Value("${crm.security.token-cache.ttl:60s}") Duration ttl,
               @Value("${crm.security.token-cache.max-entries:10000}") int maxEntries) {
        this.grants = new NodeCache<>(ttl, maxEntries);
    }

    /** The cached grant of this token hash, else the loaded one (kept when nothing changed meanwhile); null: none. */
    TokenGrant get(String tokenHash, Supplier<TokenGrant> load) {
        return grants.get(tokenHash, load);
    }

    void evictUser(long userId) {
        grants.evictIf(g -> g.userId() == userId);
    }

    void evictToken(String tokenHash) {
        grants.evict(tokenHash);
    }

    void evictAll() {
        grants.evictAll();
    }

    /** On when the node hears every change (listening), off when it may have missed one. */
    void enable(boolean on) {
        grants.enable(on);
    }

    boolean enabled() {
        return grants.enabled();
    }

    int size() {
        return grants.size();
    }
}
