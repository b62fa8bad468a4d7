package com.tobacco.retailcrm.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Time limits per category × priority, due times from the received time, and the pause that moves them. */
class TimeLimitsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-02T01:30:00Z");

    @Test
    void defaultLimitsArePerPriority() {
        TimeLimits limits = new TimeLimits(Map.of());
        assertThat(limits.of(Category.DELIVERY, Priority.NORMAL))
                .isEqualTo(new TimeLimits.Limit(Duration.ofHours(24), Duration.ofHours(72)));
        assertThat(limits.of(Category.DELIVERY, Priority.URGENT))
                .isEqualTo(new TimeLimits.Limit(Duration.ofHours(8), Duration.ofHours(60)));
        assertThat(limits.of(Category.DELIVERY, Priority.MAJOR))
                .isEqualTo(new TimeLimits.Limit(Duration.ofHours(2), Duration.ofHours(48)));
    }

    @Test
    void aLimitSetForACategoryAndPriorityWinsOverThePriority() {
        TimeLimits limits = new TimeLimits(Map.of(
                "NORMAL", new TimeLimits.Limit(Duration.ofHours(12), Duration.ofHours(36)),
                "STAFF_CONDUCT.NORMAL", new TimeLimits.Limit(Duration.ofHours(4), Duration.ofHours(24))));
        assertThat(limits.of(Category.STAFF_CONDUCT, Priority.NORMAL).firstResponse()).isEqualTo(Duration.ofHours(4));
        assertThat(limits.of(Category.SUPPLY, Priority.NORMAL).firstResponse()).isEqualTo(Duration.ofHours(12));
        assertThat(limits.of(Category.SUPPLY, Priority.MAJOR).firstResponse()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> new TimeLimits(Map.of("NOPE.NORMAL",
                new TimeLimits.Limit(Duration.ofHours(1), Duration.ofHours(2))))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dueTimesAreFixedFromTheReceivedTimeInNaturalHours() {
        Deadlines due = Deadlines.fixedAtIntake(RECEIVED, new TimeLimits(Map.of()).of(Category.SUPPLY, Priority.MAJOR));
        assertThat(due.firstResponse()).isEqualTo(Instant.parse("2026-11-02T03:30:00Z"));
        assertThat(due.resolution()).isEqualTo(Instant.parse("2026-11-04T01:30:00Z"));
    }

    @Test
    void resumingMovesBothDueTimesByThePausedSpan() {
        Deadlines due = Deadlines.fixedAtIntake(RECEIVED, new TimeLimits(Map.of()).of(Category.SUPPLY, Priority.NORMAL));
        Deadlines moved = due.resumedAfter(Instant.parse("2026-11-02T05:00:00Z"), Instant.parse("2026-11-03T08:15:00Z"));
        assertThat(Duration.between(due.firstResponse(), moved.firstResponse())).isEqualTo(Duration.ofMinutes(27 * 60 + 15));
        assertThat(Duration.between(due.resolution(), moved.resolution())).isEqualTo(Duration.ofMinutes(27 * 60 + 15));
    }

    @Test
    void closingNeedsTheCallbackLevelsThePriorityRequires() {
        Callbacks callbacks = new Callbacks(Map.of(Priority.NORMAL, List.of(CallbackLevel.CUSTOMER_MANAGER)));
        assertThat(callbacks.missing(Priority.NORMAL, List.of(CallbackLevel.CALL_CENTRE)))
                .containsExactly(CallbackLevel.CUSTOMER_MANAGER);
        assertThat(callbacks.missing(Priority.MAJOR, List.of(CallbackLevel.CALL_CENTRE)))
                .containsExactly(CallbackLevel.CUSTOMER_MANAGER, CallbackLevel.SUPERVISORY);
        assertThat(callbacks.missing(Priority.URGENT, List.of(CallbackLevel.CALL_CENTRE, CallbackLevel.CUSTOMER_MANAGER)))
                .isEmpty();
    }
}
