package com.tobacco.retailcrm.maintenance.upkeep;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The upkeep jobs on their cron schedules ({@code crm.upkeep.*-cron}). Each holds a ShedLock row while it runs so that
 * with several app instances exactly one runs it; a manual run takes the same lock.
 */
@Component
class UpkeepJobs {

    private static final Logger log = LoggerFactory.getLogger(UpkeepJobs.class);
    private static final Duration AT_MOST = Duration.ofHours(2);

    private final UpkeepService upkeep;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    UpkeepJobs(UpkeepService upkeep, LockingTaskExecutor locks, Clock clock) {
        this.upkeep = upkeep;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.upkeep.review-cron:0 0 2 1 1,7 *}", zone = "${crm.zone:Asia/Shanghai}")
    @SchedulerLock(name = "upkeep-HALF_YEAR_REVIEW", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void halfYearReviews() {
        log(UpkeepKind.HALF_YEAR_REVIEW, upkeep.run(UpkeepKind.HALF_YEAR_REVIEW));
    }

    @Scheduled(cron = "${crm.upkeep.quarterly-cron:0 15 2 1 1,4,7,10 *}", zone = "${crm.zone:Asia/Shanghai}")
    @SchedulerLock(name = "upkeep-QUARTERLY_ADJUSTMENT", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void quarterlyReminders() {
        log(UpkeepKind.QUARTERLY_ADJUSTMENT, upkeep.run(UpkeepKind.QUARTERLY_ADJUSTMENT));
    }

    @Scheduled(cron = "${crm.upkeep.expiry-cron:0 30 2 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    @SchedulerLock(name = "upkeep-LICENCE_EXPIRY", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void expiryReminders() {
        log(UpkeepKind.LICENCE_EXPIRY, upkeep.run(UpkeepKind.LICENCE_EXPIRY));
    }

    @Scheduled(cron = "${crm.upkeep.report-cron:0 45 2 1 * *}", zone = "${crm.zone:Asia/Shanghai}")
    @SchedulerLock(name = "upkeep-MONTHLY_CLASS_REPORT", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void monthlyReport() {
        log(UpkeepKind.MONTHLY_CLASS_REPORT, upkeep.run(UpkeepKind.MONTHLY_CLASS_REPORT));
    }

    /**
     * Runs a job now under its lock (for admins and tests); empty when another instance holds the lock. A manual run
     * holds the lock only while it runs, so the next run may follow at once.
     */
    Optional<Integer> runNow(UpkeepKind job) {
        UpkeepKind locked = job == UpkeepKind.ANNUAL_REVIEW ? UpkeepKind.LICENCE_EXPIRY : job;
        LockConfiguration lock = new LockConfiguration(clock.instant(), "upkeep-" + locked.name(), AT_MOST, Duration.ZERO);
        try {
            LockingTaskExecutor.TaskResult<Integer> result = locks.executeWithLock(() -> upkeep.run(job), lock);
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(UpkeepKind job, int created) {
        log.info("Upkeep {} created {} task(s)", job, created);
    }
}
