package com.tobacco.retailcrm.rating.violation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A violation stops counting 12 months after it happened without anything being recorded that day, so each night the
 * customers whose violation ages out get their {@code lawAbidingStatus} recomputed (once across instances).
 */
@Component
class LawAbidingExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(LawAbidingExpiryJob.class);

    private final ViolationService service;

    LawAbidingExpiryJob(ViolationService service) {
        this.service = service;
    }

    @Scheduled(cron = "${crm.rating.law-abiding-cron:0 5 0 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    @SchedulerLock(name = "rating-law-abiding-expiry", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void refresh() {
        // the system acts here, company-wide: no user's scope applies
        SecurityContextHolder.clearContext();
        log.info("Law-abiding status recomputed for {} customer(s) with a violation ageing out today",
                service.refreshExpired());
    }
}
