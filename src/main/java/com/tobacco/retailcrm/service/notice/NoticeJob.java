package com.tobacco.retailcrm.service.notice;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notices' background work, every {@code crm.notices.poll-interval} (30 s by default): publishes the scheduled
 * notices whose time has come, then sends the due deliveries. No cluster lock is needed: both steps take their rows
 * with {@code FOR UPDATE SKIP LOCKED}, so instances polling at the same time share the work and never repeat it.
 */
@Component
class NoticeJob {

    private final NoticeService notices;
    private final NoticeDelivery delivery;
    private final Clock clock;

    NoticeJob(NoticeService notices, NoticeDelivery delivery, Clock clock) {
        this.notices = notices;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${crm.notices.poll-interval:PT30S}", initialDelayString = "${crm.notices.poll-interval:PT30S}")
    void poll() {
        notices.publishDue(clock.instant());
        delivery.deliverDue(clock.instant(), 200);
    }
}
