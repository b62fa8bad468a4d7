package com.tobacco.retailcrm.audit.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A flood of refusals does not flood the audit log: one event per principal and path a minute, at most 20. */
class DeniedRequestThrottleTest {

    private static final Instant T = Instant.parse("2026-12-03T10:00:05Z");

    @Test
    void oneEventPerPrincipalAndPathAMinuteWithTheRepeatsCountedIntoTheNextMinutesEvent() {
        var throttle = new DeniedRequestThrottle();
        assertThat(throttle.admit("ip:10.0.0.9", "GET /api/v1/customers", T)).isPresent();
        for (int i = 1; i <= 50; i++) {
            assertThat(throttle.admit("ip:10.0.0.9", "GET /api/v1/customers", T.plusSeconds(i))).isEmpty();
        }
        assertThat(throttle.admit("zhangsan", "GET /api/v1/customers", T)).as("another principal").isPresent();
        var next = throttle.admit("ip:10.0.0.9", "GET /api/v1/customers", T.plusSeconds(60));
        assertThat(next).hasValueSatisfying(d -> {
            assertThat(d.summary()).isTrue();
            assertThat(d.refusals()).isEqualTo(51);
        });
    }

    @Test
    void aPrincipalTryingManyPathsGetsAtMostTwentyEventsAMinute() {
        var throttle = new DeniedRequestThrottle();
        int recorded = 0;
        for (int i = 0; i < 500; i++) {
            if (throttle.admit("ip:10.0.0.7", "GET /api/v1/customers/" + i, T).isPresent()) {
                recorded++;
            }
        }
        assertThat(recorded).isEqualTo(DeniedRequestThrottle.PER_PRINCIPAL);
        assertThat(throttle.admit("ip:10.0.0.8", "GET /api/v1/customers/1", T)).isPresent();
    }
}
