package com.tobacco.retailcrm.customer.lifecycle;

import com.tobacco.retailcrm.shared.infrastructure.LockedRuns;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly destruction of personal data past its retention ({@code crm.customer.retention.cron}), under a ShedLock
 * row so that with several instances exactly one runs it; the lock is kept a while after the run
 * ({@code crm.customer.retention.lock-at-least}) so an instance whose clock fires a moment later finds it taken.
 * {@link #runNow()} takes the same lock.
 */
@Component
public class RetentionJob {

    static final String LOCK = "customer-retention";

    private final PersonalDataLifecycle lifecycle;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    RetentionJob(PersonalDataLifecycle lifecycle, LockingTaskExecutor locks, Clock clock) {
        this.lifecycle = lifecycle;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.customer.retention.cron:0 20 3 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "${crm.customer.retention.lock-at-least:PT5M}")
    void scheduled() {
        lifecycle.destroyDue();
    }

    /** Runs the destruction now under the lock (for tests and admins); empty when another instance holds it. */
    public Optional<Integer> runNow() {
        return LockedRuns.now(locks, clock, LOCK, Duration.ofHours(2), lifecycle::destroyDue);
    }
}
