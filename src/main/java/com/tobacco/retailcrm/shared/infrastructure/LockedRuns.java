package com.tobacco.retailcrm.shared.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * A scheduled job's work run now, on demand (an admin's button, a test), under the same ShedLock row as its schedule,
 * so that it never runs twice at once across the instances.
 */
public final class LockedRuns {

    private LockedRuns() {
    }

    /** The work's result, or empty when another instance holds the lock. */
    public static <T> Optional<T> now(LockingTaskExecutor locks, Clock clock, String lockName, Duration atMost,
                                      Supplier<T> work) {
        var lock = new LockConfiguration(clock.instant(), lockName, atMost, Duration.ZERO);
        try {
            var result = locks.executeWithLock(work::get, lock);
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
