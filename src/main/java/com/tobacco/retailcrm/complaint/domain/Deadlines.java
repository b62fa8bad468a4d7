package com.tobacco.retailcrm.complaint.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * 到期时间 — when the first response and the resolution are due. Fixed at intake from when the complaint was received
 * (not when it was typed in), and moved only by a pause: waiting on the customer does not count against the handler.
 */
public record Deadlines(Instant firstResponse, Instant resolution) {

    public static Deadlines fixedAtIntake(Instant receivedAt, TimeLimits.Limit limit) {
        return new Deadlines(receivedAt.plus(limit.firstResponse()), receivedAt.plus(limit.resolution()));
    }

    /** Both due times moved by the span the clock stood still (from pause to resume). */
    public Deadlines resumedAfter(Instant pausedAt, Instant resumedAt) {
        Duration paused = Duration.between(pausedAt, resumedAt);
        if (paused.isNegative()) {
            throw new IllegalArgumentException("resumed before it was paused");
        }
        return new Deadlines(firstResponse.plus(paused), resolution.plus(paused));
    }
}
