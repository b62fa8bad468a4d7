package com.tobacco.retailcrm.backup.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The backup schedule (in {@code crm.zone}): a full backup weekly ({@code crm.backup.full-cron}), and daily the
 * current WAL segment closed and archived ({@code crm.backup.wal-switch-cron}); each once across instances.
 */
@Component
class BackupJobs {

    private final Backups backups;

    BackupJobs(Backups backups) {
        this.backups = backups;
    }

    @Scheduled(cron = "${crm.backup.full-cron:0 30 1 * * SUN}", zone = "${crm.zone:Asia/Shanghai}")
    void weeklyFull() {
        backups.scheduledFull();
    }

    @Scheduled(cron = "${crm.backup.wal-switch-cron:0 0 1 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    @SchedulerLock(name = "backup-wal-switch", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void dailyIncrement() {
        backups.switchWal();
    }
}
