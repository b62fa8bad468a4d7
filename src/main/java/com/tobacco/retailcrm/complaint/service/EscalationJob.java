package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.shared.infrastructure.LockedRuns;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The breach check on its schedule ({@code crm.complaints.escalation-cron}, every five minutes by default), under a
 * ShedLock row so that with several instances one runs it at a time; {@link #runNow()} takes the same lock.
 */
@Component
public class EscalationJob {

    static final String LOCK = "complaint-escalation";

    private final Escalations escalations;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    EscalationJob(Escalations escalations, LockingTaskExecutor locks, Clock clock) {
        this.escalations = escalations;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.complaints.escalation-cron:0 */5 * * * *}", zone = "${crm.zone:Asia/Shanghai}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M", lockAtLeastFor = "PT0S")
    void scheduled() {
        escalations.run();
    }

    /** Runs the check now under the lock (for admins and tests); -1 when another instance holds it. */
    public int runNow() {
        return LockedRuns.now(locks, clock, LOCK, Duration.ofMinutes(10), escalations::run).orElse(-1);
    }
}
