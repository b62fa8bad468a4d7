package com.tobacco.retailcrm.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchAdmissionTest {

    @Test
    void searchesBeyondTheLimitWaitTheirTurnAndNeverRunMoreAtOnce() throws Exception {
        SearchAdmission admission = new SearchAdmission(2, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> searches = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                searches.add(CompletableFuture.supplyAsync(() -> admission.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(5);
                    running.decrementAndGet();
                    return n;
                }), pool));
            }
            for (int i = 0; i < searches.size(); i++) {
                assertThat(searches.get(i).get(10, TimeUnit.SECONDS)).as("every search gets its own answer").isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).as("searches running at once").isEqualTo(2);
    }

    @Test
    void aSearchWaitingLongerThanTheLimitRunsAnyway() throws Exception {
        SearchAdmission admission = new SearchAdmission(1, Duration.ofMillis(100));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> admission.run(() -> {
            holding.countDown();
            await(release);
            return null;
        }));
        first.start();
        try {
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThat(admission.run(() -> "answered")).isEqualTo("answered");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(90), Duration.ofSeconds(5));
        } finally {
            release.countDown();
            first.join();
        }
    }

    @Test
    void anInterruptedSearchIsStillAnsweredAndKeepsItsInterrupt() {
        SearchAdmission admission = new SearchAdmission(1, Duration.ofSeconds(30));
        Thread.currentThread().interrupt();
        try {
            assertThat(admission.run(() -> "answered")).isEqualTo("answered");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
