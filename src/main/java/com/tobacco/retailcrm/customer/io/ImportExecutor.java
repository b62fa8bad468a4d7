package com.tobacco.retailcrm.customer.io;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Background imports run on their own small pool: two at a time on a machine of a few cores, a short queue, and
 * beyond that the caller is told to try later rather than piling up work. Not an Executor bean, so Spring Boot's
 * own task executor stays as it is for everyone else.
 */
@Component
class ImportExecutor {

    private final AtomicInteger threads = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(8), r -> {
                Thread t = new Thread(r, "customer-import-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    /** @throws java.util.concurrent.RejectedExecutionException when the pool and its queue are full */
    void execute(Runnable job) {
        pool.execute(job);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
