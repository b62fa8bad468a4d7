package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.DataScope;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each recently seen user's data scope, so that a search does not read the reporting lines (a market manager's team)
 * or the organisation tree (a county's units) on every request. A scope depends on other users' rows (who reports to
 * whom) and on the tree, so every change of a user, a role or the tree empties the whole cache: at once on this node
 * and on every node through {@link AuthChangeListener} (the triggers of V200 and V220). Like {@link TokenCache} it
 * answers only while that listener is listening, keeps no load that overlapped an eviction, and lets entries expire
 * after {@code ttlNanos} as a safety net.
 */
@Component
class ScopeCache {

    private record Entry(DataScope scope, long loadedAtNanos) {
    }

    private final Map<CurrentUser, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private volatile boolean enabled;

    ScopeCache(@Value("${crm.security.scope-cache.ttl:60s}") Duration ttl,
               @Value("${crm.security.scope-cache.max-entries:10000}") int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The cached scope of this user, else the loaded one (kept when nothing changed meanwhile). */
    DataScope get(CurrentUser user, Supplier<DataScope> load) {
        if (!enabled) {
            return load.get();
        }
        Entry cached = entries.get(user);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
            return cached.scope();
        }
        long before = epoch.get();
        DataScope loaded = load.get();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.loadedAtNanos() >= ttlNanos);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        Entry entry = new Entry(loaded, now);
        entries.put(user, entry);
        if (epoch.get() != before || !enabled) {
            entries.remove(user, entry);
        }
        return loaded;
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
