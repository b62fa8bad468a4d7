package com.tobacco.retailcrm.security.domain;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * 节点缓存 — one node's cache of something read from the database that other nodes may change: emptied on every
 * change by the {@code crm_auth} notifications {@link AuthChangeListener} hears (and at once on the changing node),
 * with a time to live as a safety net. It answers only while enabled, i.e. while that listener is listening: a node
 * that may have missed a notification reads the database. A load that overlapped an eviction is not kept (the epoch
 * check), so a value read just before a change committed cannot outlive the change's eviction. A null load is never
 * kept. Bounded: when full, expired entries go first, then everything.
 */
final class NodeCache<K, V> {

    private record Entry<V>(V value, long loadedAtNanos) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private volatile boolean enabled;

    NodeCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The cached value of this key, else the loaded one (kept when nothing was evicted meanwhile). */
    V get(K key, Supplier<V> load) {
        if (!enabled) {
            return load.get();
        }
        Entry<V> cached = entries.get(key);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
            return cached.value();
        }
        long before = epoch.get();
        V loaded = load.get();
        if (loaded == null) {
            entries.remove(key);
            return null;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.loadedAtNanos() >= ttlNanos);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        Entry<V> entry = new Entry<>(loaded, now);
        entries.put(key, entry);
        if (epoch.get() != before || !enabled) {
            entries.remove(key, entry);
        }
        return loaded;
    }

    void evict(K key) {
        epoch.incrementAndGet();
        entries.remove(key);
    }

    void evictIf(Predicate<V> stale) {
        epoch.incrementAndGet();
        entries.values().removeIf(e -> stale.test(e.value()));
    }

    void evictAll() {
        epoch.incrementAndGet();
        entries.clear();
    }

    /** On when the node hears every change (listening), off when it may have missed one; either way it starts empty. */
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
