package com.tobacco.retailcrm.audit.request;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps an attacker from flooding the audit log with refusals: per minute, one event per principal (the user, or the
 * source address when nobody signed in) and method + path, carrying how many refusals of that key the previous
 * minute's event did not show; and at most {@value #PER_PRINCIPAL} distinct events per principal per minute, after
 * which the rest of that minute is counted into one summary event at the principal's next refusal. Bounded: the
 * counts are forgotten when the minute turns. Per instance: with N nodes at most N events per key and minute.
 */
final class DeniedRequestThrottle {

    static final int PER_PRINCIPAL = 20;
    private static final int MAX_KEYS = 10_000;

    /** What to record for one refusal: the count of refusals it stands for (itself included). */
    record Decision(long refusals, boolean summary) {
    }

    private long minute = Long.MIN_VALUE;
    private final Map<String, Long> perKey = new HashMap<>();
    private final Map<String, Integer> eventsPerPrincipal = new HashMap<>();
    private final Map<String, Long> suppressedPerPrincipal = new HashMap<>();
    private Map<String, Long> carriedOver = new HashMap<>();

    synchronized Optional<Decision> admit(String principal, String request, Instant now) {
        long thisMinute = now.getEpochSecond() / 60;
        if (thisMinute != minute) {
            carriedOver = new HashMap<>(suppressedPerPrincipal);
            perKey.clear();
            eventsPerPrincipal.clear();
            suppressedPerPrincipal.clear();
            minute = thisMinute;
        }
        String key = principal + " " + request;
        Long seen = perKey.get(key);
        if (seen != null || perKey.size() >= MAX_KEYS || eventsPerPrincipal.getOrDefault(principal, 0) >= PER_PRINCIPAL) {
            perKey.computeIfPresent(key, (k, n) -> n + 1);
            suppressedPerPrincipal.merge(principal, 1L, Long::sum);
            return Optional.empty();
        }
        perKey.put(key, 1L);
        eventsPerPrincipal.merge(principal, 1, Integer::sum);
        Long earlier = carriedOver.remove(principal);
        return Optional.of(new Decision(1 + (earlier == null ? 0 : earlier), earlier != null));
    }
}
