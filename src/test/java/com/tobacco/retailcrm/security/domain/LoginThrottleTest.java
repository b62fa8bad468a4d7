package com.tobacco.retailcrm.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The lockout rule on its own: five failures within fifteen minutes lock for fifteen minutes from the last. */
class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private final SecurityPolicy policy = SecurityPolicyTest.defaults();

    /** Failures at these minutes after T0, newest first as the query returns them. */
    private static List<Instant> failuresAt(int... minutes) {
        return Stream.of(minutes).flatMapToInt(java.util.Arrays::stream).boxed()
                .sorted(java.util.Comparator.reverseOrder()).map(m -> T0.plus(Duration.ofMinutes(m))).toList();
    }

    @Test
    void fourFailuresNeverLock() {
        assertThat(LoginThrottle.lockEnd(failuresAt(0, 1, 2, 3), T0.plusSeconds(240), policy)).isEmpty();
    }

    @Test
    void fiveFailuresWithinTheWindowLockForFifteenMinutesFromTheLast() {
        var failures = failuresAt(0, 1, 2, 3, 14);
        assertThat(LoginThrottle.lockEnd(failures, T0.plus(Duration.ofMinutes(14)), policy))
                .contains(T0.plus(Duration.ofMinutes(29)));
        assertThat(LoginThrottle.lockEnd(failures, T0.plus(Duration.ofMinutes(29)).minusSeconds(1), policy)).isPresent();
        assertThat(LoginThrottle.lockEnd(failures, T0.plus(Duration.ofMinutes(29)), policy)).isEmpty();
    }

    @Test
    void exactlyFifteenMinutesApartStillCounts() {
        assertThat(LoginThrottle.lockEnd(failuresAt(0, 1, 2, 3, 15), T0.plus(Duration.ofMinutes(15)), policy)).isPresent();
    }

    @Test
    void fiveFailuresSpreadOverMoreThanTheWindowDoNotLock() {
        assertThat(LoginThrottle.lockEnd(failuresAt(0, 1, 2, 3, 16), T0.plus(Duration.ofMinutes(16)), policy)).isEmpty();
    }
}
