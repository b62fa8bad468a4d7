package com.tobacco.retailcrm.audit.archive;

import com.tobacco.retailcrm.shared.infrastructure.LockedRuns;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly move of old audit events to the archive ({@code crm.audit.archive.cron}), under a ShedLock row so that
 * with several instances exactly one runs it. {@link #runNow()} takes the same lock.
 */
@Component
public class AuditArchiveJob {

    static final String LOCK = "audit-archive";

    private final AuditArchive archive;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    AuditArchiveJob(AuditArchive archive, LockingTaskExecutor locks, Clock clock) {
        this.archive = archive;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.audit.archive.cron:0 40 2 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    void scheduled() {
        archive.archiveDue();
    }

    /** Runs the move now under the lock; empty when another instance holds it. */
    public Optional<Long> runNow() {
        return LockedRuns.now(locks, clock, LOCK, Duration.ofHours(2), archive::archiveDue);
    }
}
