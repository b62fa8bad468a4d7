package com.tobacco.retailcrm.customer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The search benchmark's load client, run by {@link CustomerBenchmark} as a process of its own so that the server's
 * JVM carries none of the client's work (threads, HTTP parsing, garbage). Arguments: base URL, a file of requests
 * (one a line: {@code role <TAB> kind <TAB> token <TAB> q}), clients, warm-up seconds, measured seconds. Prints
 * {@code RESULT <role=…|kind=…|ALL> <count> <errors> <p50 µs> <p95 µs> <p99 µs> <requests/s>} lines, then
 * {@code CPU <ns>}: its own CPU time in the measured period (which {@code MEASURING} starts). The same
 * {@link #measure} drives the bare-SQL baseline inside the benchmark.
 */
public final class SearchLoadClient {

    /** One request of the mix: whose, which kind of query, the caller's token (HTTP only), and q. */
    public record Request(String role, String kind, String token, String q) {
    }

    /** Latencies (µs) per "role=…" and "kind=…" key of the measured period, the failed requests, its length. */
    public record Measured(Map<String, List<Long>> latencies, long errors, double seconds) {
    }

    /** One line of results. */
    public record Result(String key, int count, long errors, long p50, long p95, long p99, double perSecond) {

        static Result parse(String line) {
            String[] f = line.trim().split(" ");
            return new Result(f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), Double.parseDouble(f[7]));
        }

        String line() {
            return String.format(java.util.Locale.ROOT, "RESULT %s %d %d %d %d %d %.1f", key, count, errors, p50, p95,
                    p99, perSecond);
        }
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        List<Request> requests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 4);
            requests.add(new Request(parts[0], parts[1], parts[2], parts[3]));
        }
        long warmUpSeconds = Long.parseLong(args[3]);
        long[] cpuAtWarmUpEnd = {-1};
        Thread cpuTimer = new Thread(() -> {
            try {
                Thread.sleep(warmUpSeconds * 1000);
                cpuAtWarmUpEnd[0] = ProcessCpu.thisJvm();
                System.out.println("MEASURING");
                System.out.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cpuTimer.setDaemon(true);
        cpuTimer.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Measured measured = measure(requests, Integer.parseInt(args[2]), Duration.ofSeconds(Long.parseLong(args[3])),
                Duration.ofSeconds(Long.parseLong(args[4])), r -> {
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/customers?q="
                                    + URLEncoder.encode(r.q(), StandardCharsets.UTF_8)))
                            .header("Authorization", "Bearer " + r.token()).timeout(Duration.ofSeconds(30)).GET().build();
                    try {
                        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
                    } catch (java.io.IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                });
        results(measured).forEach(r -> System.out.println(r.line()));
        cpuTimer.join();
        System.out.println("CPU " + (ProcessCpu.thisJvm() - cpuAtWarmUpEnd[0]));
    }

    /**
     * {@code clients} threads, each walking the requests from its own offset one at a time, for the warm-up and then
     * the measured period; only requests that start and end inside the measured period count.
     */
    public static Measured measure(List<Request> requests, int clients, Duration warmUp, Duration length,
                                   Predicate<Request> call) throws InterruptedException {
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long end = measureFrom + length.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int offset = c * (requests.size() / clients);
            Thread t = new Thread(() -> {
                Map<String, List<Long>> mine = new TreeMap<>();
                try {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        Request r = requests.get(i % requests.size());
                        long t0 = System.nanoTime();
                        boolean ok = call.test(r);
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            mine.computeIfAbsent("role=" + r.role(), k -> new ArrayList<>()).add((t1 - t0) / 1000);
                            mine.computeIfAbsent("kind=" + r.kind(), k -> new ArrayList<>()).add((t1 - t0) / 1000);
                        }
                    }
                } finally {
                    mine.forEach((key, list) -> latencies.computeIfAbsent(key,
                            k -> Collections.synchronizedList(new ArrayList<>())).addAll(list));
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        done.await();
        return new Measured(latencies, errors.get(), length.toNanos() / 1e9);
    }

    /** Per key, and ALL (every request once: the role keys together). */
    public static List<Result> results(Measured m) {
        List<Result> results = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        new TreeMap<>(m.latencies()).forEach((key, list) -> {
            if (key.startsWith("role=")) {
                all.addAll(list);
            }
            results.add(result(key, list, 0, m.seconds()));
        });
        results.add(result("ALL", all, m.errors(), m.seconds()));
        return results;
    }

    private static Result result(String key, List<Long> micros, long errors, double seconds) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return new Result(key, sorted.size(), errors, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.size() / seconds);
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
