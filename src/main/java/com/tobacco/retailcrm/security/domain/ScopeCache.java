package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.DataScope;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each recently seen user's data scope, so that a search does not read the reporting lines (a market manager's team)
 * or the organisation tree (a county's units) on every request. A scope depends on other users' rows (who reports to
 * whom) and on the tree, so every change of a user, a role or the tree empties the whole cache: at once on this node
 * and on every node through {@link AuthChangeListener} (the triggers of V200 and V220). A {@link NodeCache}: it
 * answers only while that listener is listening, keeps no load that overlapped an eviction, and lets entries expire
 * after the time to live as a safety net.
 */
@Component
class ScopeCache {

    private final NodeCache<CurrentUser, DataScope> scopes;

    ScopeCache(@Value("${crm.security.scope-cache.ttl:60s}") Duration ttl,
               @Value("${crm.security.scope-cache.max-entries:10000}") int maxEntries) {
        this.scopes = new NodeCache<>(ttl, maxEntries);
    }

    /** The cached scope of this user, else the loaded one (kept when nothing changed meanwhile). */
    DataScope get(CurrentUser user, Supplier<DataScope> load) {
        return scopes.get(user, load);
    }

    void evictAll() {
        scopes.evictAll();
    }

    /** On when the node hears every change (listening), off when it may have missed one. */
    void enable(boolean on) {
        scopes.enable(on);
    }

    boolean enabled() {
        return scopes.enabled();
    }

    int size() {
        return scopes.size();
    }
}
