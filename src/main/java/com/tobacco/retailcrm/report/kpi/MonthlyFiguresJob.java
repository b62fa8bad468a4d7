package com.tobacco.retailcrm.report.kpi;

import com.tobacco.retailcrm.shared.infrastructure.LockedRuns;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@link MonthlyFigures} up to date: every {@code crm.kpi.refresh-every} the months due are computed (the
 * current one, those with data arrived since, those never computed); each night the last
 * {@code crm.kpi.late-months} closed months are made due again, for the figures that move after a month ends
 * (callbacks, resolutions). An ingest of daily orders asks for a refresh right after it commits. Every computation
 * runs under one ShedLock row, so two instances never compute at once; a refresh that finds the lock taken is
 * skipped (the holder or the next run does the work, as the months stay due).
 */
@Component
public class MonthlyFiguresJob {

    static final String LOCK = "kpi-month-figures";
    private static final int MAX_PASSES = 5;

    private static final Logger log = LoggerFactory.getLogger(MonthlyFiguresJob.class);

    private final MonthlyFigures figures;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final int lateMonths;
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kpi-month-figures");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    MonthlyFiguresJob(MonthlyFigures figures, LockingTaskExecutor locks, Clock clock,
                      @Value("${crm.kpi.late-months:2}") int lateMonths) {
        this.figures = figures;
        this.locks = locks;
        this.clock = clock;
        this.lateMonths = lateMonths;
    }

    @Scheduled(fixedDelayString = "${crm.kpi.refresh-every:PT1M}", initialDelayString = "${crm.kpi.refresh-delay:PT30S}")
    void scheduled() {
        refreshNow();
    }

    @Scheduled(cron = "${crm.kpi.nightly-cron:0 40 0 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    void nightly() {
        figures.markLate(lateMonths);
        refreshNow();
    }

    /** Computes every month due now under the lock: how many, or empty when another run holds the lock. */
    public Optional<Integer> refreshNow() {
        // the system computes company-wide figures: no user's scope applies
        SecurityContextHolder.clearContext();
        return LockedRuns.now(locks, clock, LOCK, Duration.ofHours(1), () -> {
            int n = 0;
            // again while data arrived during the pass: an ingest whose own refresh found the lock taken is served here
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                List<YearMonth> due = figures.due();
                if (due.isEmpty()) {
                    break;
                }
                for (YearMonth m : due) {
                    long t0 = System.nanoTime();
                    figures.compute(m);
                    n++;
                    log.info("Monthly figures of {} computed in {} ms", m, (System.nanoTime() - t0) / 1_000_000);
                }
            }
            return n;
        });
    }

    /** After the caller's transaction commits (at once without one), a refresh in the background; one queued at most. */
    public void refreshSoon() {
        Runnable submit = () -> {
            if (queued.compareAndSet(false, true)) {
                soon.execute(() -> {
                    queued.set(false);
                    try {
                        // while another run holds the lock, wait for it: it may have checked what is due before our
                        // ingest committed
                        for (int attempt = 0; attempt < 30 && refreshNow().isEmpty(); attempt++) {
                            Thread.sleep(1000);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        log.warn("Monthly figures refresh after an ingest failed; the scheduled run retries", e);
                    }
                });
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit.run();
                }
            });
        } else {
            submit.run();
        }
    }

    @PreDestroy
    void stop() {
        soon.shutdownNow();
    }
}
