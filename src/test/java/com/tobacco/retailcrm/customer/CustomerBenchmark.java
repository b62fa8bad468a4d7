package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.domain.SensitiveDataCipher;
import com.tobacco.retailcrm.customer.domain.StoreNameInitials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 性能基准 — not a unit test: runs only with {@code ./mvnw -Pbench test} (tag "bench", heap capped at 512 MB).
 * Loads 300,000 customers with COPY, measures search latency over HTTP per kind of query, requests per second with
 * 8 concurrent clients, and the import of a 100,000-row xlsx (rows/s and peak heap). Prints a report and writes it
 * to {@code target/bench-report.txt}. Sizes can be lowered with -Dbench.customers / -Dbench.importRows.
 */
@Tag("bench")
class CustomerBenchmark extends CustomerApiTestBase {

    @Autowired
    DataSource dataSource;

    @Autowired
    SensitiveDataCipher cipher;

    private final Random random = new Random(20261123);
    private final List<String> report = new ArrayList<>();

    @Test
    void benchmark() throws Exception {
        int customers = Integer.getInteger("bench.customers", 300_000);
        int importRows = Integer.getInteger("bench.importRows", 100_000);
        County c = county();
        long countyId = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, c.code());

        List<String[]> samples = load(customers, countyId, c.managerName());
        measureSearch(c.marketDept(), samples);
        measureThroughput(c.marketDept(), samples);
        measureImport(c, importRows);

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/bench-report.txt"), report, StandardCharsets.UTF_8);
        report.forEach(line -> System.out.println("[bench] " + line));
    }

    /** COPY of generated customers; returns samples {code, name, phone, initials} to query by. */
    private List<String[]> load(int n, long countyId, String manager) throws Exception {
        Instant start = Instant.now();
        List<String[]> samples = new BenchmarkCustomers(dataSource, cipher, random).load(n, digits(4), countyId, manager);
        // an archive of this size has long been vacuumed: autovacuum catching up on the load must not run in a measurement
        jdbc.execute("vacuum (analyze) customer");
        report.add("server: " + jdbc.queryForObject("select string_agg(name || '=' || current_setting(name), ', ' "
                + "order by name) from pg_settings where name in ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', "
                + "'wal_buffers', 'server_version')", String.class));
        report.add(String.format("loaded %,d customers with COPY in %.1f s (table now %,d rows)", n,
                Duration.between(start, Instant.now()).toMillis() / 1000.0,
                jdbc.queryForObject("select count(*) from customer", Long.class)));
        return samples;
    }

    private void measureSearch(String token, List<String[]> samples) {
        Map<String, Supplier<String>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("pinyin initials", () -> initials(pick(samples)));
        kinds.put("name substring", () -> substring(pick(samples)[1]));
        kinds.put("code prefix", () -> pick(samples)[0].substring(0, 8));
        kinds.put("exact phone", () -> pick(samples)[2]);
        kinds.put("phone last four", () -> pick(samples)[2].substring(7));
        for (var kind : kinds.entrySet()) {
            for (int i = 0; i < 30; i++) {
                search(token, kind.getValue().get());
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String q = kind.getValue().get();
                long t0 = System.nanoTime();
                int status = search(token, q);
                micros.add((System.nanoTime() - t0) / 1000);
                assertThat(status).isEqualTo(200);
            }
            Collections.sort(micros);
            report.add(String.format("search %-16s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms (200 requests, page of 20 with total)",
                    kind.getKey(), micros.get(100) / 1000.0, micros.get(190) / 1000.0, micros.get(199) / 1000.0));
        }
    }

    private void measureThroughput(String token, List<String[]> samples) throws InterruptedException {
        int clients = 8;
        Duration length = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant end = Instant.now().plus(length);
        for (int t = 0; t < clients; t++) {
            int seed = t;
            pool.submit(() -> {
                Random r = new Random(seed);
                while (Instant.now().isBefore(end)) {
                    String[] s = samples.get(r.nextInt(samples.size()));
                    String q = switch (r.nextInt(4)) {
                        case 0 -> initials(s);
                        case 1 -> substring(s[1]);
                        case 2 -> s[0].substring(0, 8);
                        default -> s[2];
                    };
                    if (search(token, q) == 200) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS);
        report.add(String.format("%d concurrent clients, mixed searches for %d s: %.0f requests/s (%d failed)",
                clients, length.toSeconds(), done.get() / (double) length.toSeconds(), failed.get()));
    }

    /**
     * Imports a small file first, as a server that has run for a while has its import code compiled: the measured
     * import then times the archive's work, not the JIT compiling it (a sixth of the CPU during a cold import).
     */
    private void measureImport(County c, int rows) throws Exception {
        int warmUp = Math.min(rows, 5_000);
        Path warmUpFile = writeImportFile(c, warmUp);
        ImportRun first = importFile(c, warmUpFile);
        Files.deleteIfExists(warmUpFile);
        report.add(String.format("warm-up import of a %,d-row xlsx: %s in %.1f s = %.0f rows/s", warmUp, first.status(),
                first.seconds(), warmUp / first.seconds()));
        Path file = writeImportFile(c, rows);
        System.gc();
        long maxHeap = Runtime.getRuntime().maxMemory();
        String walBefore = jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
        long checkpointsBefore = checkpoints();
        HeapWatch watch = HeapWatch.start();
        ImportRun run = importFile(c, file);
        HeapWatch.Peaks peaks = watch.stop();
        report.add(String.format("database during the import: %,d MB of WAL, %d checkpoints",
                jdbc.queryForObject("select (pg_current_wal_lsn() - ?::pg_lsn) / 1048576", Long.class, walBefore),
                checkpoints() - checkpointsBefore));
        assertThat(run.status()).as("the import finished within the heap").isEqualTo("DONE");
        report.add(String.format("import of a %,d-row xlsx (%,d KB): %s in %.1f s = %.0f rows/s; created %d, failed %d",
                rows, Files.size(file) / 1024, run.status(), run.seconds(), rows / run.seconds(), run.created(),
                run.failed()));
        report.add(String.format("heap during the import (whole JVM incl. test client, -Xmx %,d MB): live after GC peak %,d MB "
                        + "(most heap in use right after any collection); in use incl. garbage peak %,d MB (sampled every 50 ms); "
                        + "%d collections",
                maxHeap / (1024 * 1024), peaks.afterGc() / (1024 * 1024), peaks.used() / (1024 * 1024), peaks.collections()));
        Files.deleteIfExists(file);
    }

    private long checkpoints() {
        return jdbc.queryForObject("select num_timed + num_requested from pg_stat_checkpointer", Long.class);
    }

    private record ImportRun(String status, double seconds, int created, int failed) {
    }

    /** Uploads the file and waits for its import to end, from the upload to the end (polled every 100 ms). */
    private ImportRun importFile(County c, Path file) throws Exception {
        Instant start = Instant.now();
        var files = new FileTransfer(http.base());
        var started = files.upload("/api/v1/customers/import", c.marketDept(), "bench.xlsx", Files.readAllBytes(file), Map.of());
        assertThat(started.status()).as("%s", started).isIn(200, 202);
        JsonNode record = started.json();
        long id = record.get("id").asLong();
        while (record.get("status").asString().equals("RUNNING")) {
            Thread.sleep(100);
            record = http.get("/api/v1/customers/imports/" + id, c.marketDept()).json();
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        return new ImportRun(record.get("status").asString(), seconds, record.get("created").asInt(),
                record.get("failed").asInt());
    }

    /** An xlsx of {@code rows} new customers with Chinese headers, enum values by name, codes of a fresh prefix. */
    private Path writeImportFile(County c, int rows) throws Exception {
        Path file = Files.createTempFile("bench-import", ".xlsx");
        String prefix = digits(4);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("客户档案");
            List<String> header = List.of("客户代码", "专卖许可证号", "店铺名称", "零售业态", "市场类型", "所属县区", "负责人",
                    "经营地址", "订货电话", "有效日期", "营业面积(㎡)", "订货方式", "送货线路", "卷烟柜台数", "有收银系统");
            for (int col = 0; col < header.size(); col++) {
                ws.value(0, col, header.get(col));
            }
            for (int i = 1; i <= rows; i++) {
                String name = BenchmarkCustomers.BRANDS[random.nextInt(BenchmarkCustomers.BRANDS.length)]
                        + BenchmarkCustomers.KINDS[random.nextInt(BenchmarkCustomers.KINDS.length)] + i;
                Object[] cells = {prefix + String.format("%08d", i), "9" + prefix.substring(1) + String.format("%08d", i),
                        name, KINDS_FORMAT[random.nextInt(KINDS_FORMAT.length)], random.nextBoolean() ? "城网" : "农网",
                        c.code(), "张" + (i % 100), "幸福路" + i + "号", "13" + String.format("%09d", i), "2027-12-31",
                        String.valueOf(20 + i % 200), "网上订货", "线路" + (i % 40), String.valueOf(1 + i % 4), i % 2 == 0 ? "是" : "否"};
                for (int col = 0; col < cells.length; col++) {
                    ws.value(i, col, (String) cells[col]);
                }
                if (i % 1000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        return file;
    }

    private static final String[] KINDS_FORMAT = {"食杂店", "便利店", "超市", "烟酒商店", "1", "2"};

    private String[] pick(List<String[]> samples) {
        return samples.get(random.nextInt(samples.size()));
    }

    private static String initials(String[] sample) {
        String i = sample[3];
        return i.substring(0, Math.min(i.length(), 4));
    }

    private static String substring(String name) {
        return name.substring(Math.min(2, name.length() - 2), Math.min(name.length(), 4));
    }

    private int search(String token, String q) {
        return http.get("/api/v1/customers?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token).status();
    }

    /**
     * Heap figures while the import runs. The heap pools' summed peaks (the figure this benchmark used to report)
     * add an eden peak to an old-generation peak of another moment, so they overstate and can exceed -Xmx. Here:
     * the heap in use right after each collection (what the JVM could not free: the live data plus what the
     * collector chose to leave), its maximum over the import; and the heap in use including garbage, sampled.
     */
    private static final class HeapWatch implements javax.management.NotificationListener {

        record Peaks(long afterGc, long used, int collections) {
        }

        private final AtomicLong afterGc = new AtomicLong();
        private final AtomicLong used = new AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger collections = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor();

        static HeapWatch start() {
            HeapWatch w = new HeapWatch();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(w, null, null);
            }
            var memory = ManagementFactory.getMemoryMXBean();
            w.sampler.scheduleAtFixedRate(() -> w.used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 50, TimeUnit.MILLISECONDS);
            return w;
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) n.getUserData());
            long heapAfter = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && after != null) {
                    heapAfter += after.getUsed();
                }
            }
            afterGc.accumulateAndGet(heapAfter, Math::max);
            collections.incrementAndGet();
        }

        Peaks stop() throws Exception {
            sampler.shutdownNow();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).removeNotificationListener(this);
            }
            return new Peaks(afterGc.get(), used.get(), collections.get());
        }
    }
}
