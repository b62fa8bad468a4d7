package com.tobacco.retailcrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.report.kpi.Dashboard;
import com.tobacco.retailcrm.report.kpi.MonthlyFigures;
import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * 性能基准 of 领导驾驶舱 — runs only with {@code ./mvnw -Pbench test -Dtest=DashboardBenchmark}: the data of
 * ManagerKpiBenchmark (300,000 ACTIVE customers of 150 managers, a month of daily orders for each, complaints), then
 * (1) the refresh of that month's snapshot (every figure family aggregated and stored, the archive taken too) against
 * the same aggregates as bare SQL statements, alternating, in the same run; (2) the twelve trend months in the snapshot
 * and the dashboard over HTTP for a leader, 50 requests after 5 warm-ups: median and p95 (goal p95 < 500 ms).
 * Writes {@code target/bench-dashboard.txt}. Size: -Dbench.customers; requests: -Dbench.requests.
 */
@Tag("bench")
// the monthly figures' background refresh (every minute, the never-computed months first) stays out of the timings
@TestPropertySource(properties = {"crm.embedded-db.durable=true", "crm.kpi.refresh-delay=PT10H"})
class DashboardBenchmark extends ApiTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 6);

    @Autowired
    DataSource dataSource;

    @Autowired
    MonthlyFigures figures;

    @Test
    void theDashboardReadsTwelveMonthsFromTheSnapshotWithinHalfASecond() throws Exception {
        int customers = Integer.getInteger("bench.customers", 300_000);
        int requests = Integer.getInteger("bench.requests", 50);
        String county = orgUnit("COUNTY", rootOrgCode(), "基准县" + unique());
        long countyId = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, county);
        List<String> report = new ArrayList<>();
        report.add("load average at start: " + loadAverage());
        Instant start = Instant.now();
        KpiBenchData.load(jdbc, dataSource, customers, countyId, MONTH);
        long orders = jdbc.queryForObject("select count(*) from order_daily where day >= ? and day < ?", Long.class,
                Date.valueOf(MONTH.atDay(1)), Date.valueOf(MONTH.plusMonths(1).atDay(1)));
        report.add(String.format("loaded %,d customers and %,d daily order rows of %s in %.1f s", customers, orders,
                MONTH, Duration.between(start, Instant.now()).toMillis() / 1000.0));

        List<String> bare = KpiBenchData.bareStatements(jdbc);
        KpiBenchData.runBare(jdbc, bare, MONTH);
        refreshFromScratch();
        List<Long> bareMs = new ArrayList<>();
        List<Long> refreshMs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            KpiBenchData.runBare(jdbc, bare, MONTH);
            bareMs.add((System.nanoTime() - t0) / 1_000_000);
            refreshMs.add(refreshFromScratch());
        }
        Collections.sort(bareMs);
        Collections.sort(refreshMs);
        report.add(String.format("refresh of one month (all families aggregated and stored): median %,d ms (runs %s);"
                + " bare SQL aggregates median %,d ms (runs %s); ratio %.2f", refreshMs.get(1), refreshMs,
                bareMs.get(1), bareMs, (double) refreshMs.get(1) / bareMs.get(1)));

        for (int i = 1; i < Dashboard.TREND_MONTHS; i++) {
            figures.compute(MONTH.minusMonths(i));
        }
        String leader = userWithRoles("ld" + unique(), rootOrgCode(), null, List.of("LEADER"));
        for (int i = 0; i < 5; i++) {
            get(leader);
        }
        List<Long> micros = new ArrayList<>();
        Http.Response last = null;
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            last = get(leader);
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        assertThat(last.json().get("company").get("customers").asLong()).isGreaterThanOrEqualTo(customers);
        assertThat(last.json().get("company").get("orderSuccessRate").isNull()).isFalse();
        last.json().get("trends").forEach(p -> assertThat(p.get("computed").asBoolean()).isTrue());
        long p95 = micros.get((int) Math.ceil(micros.size() * 0.95) - 1);
        report.add(String.format("GET /api/v1/dashboard (12 months from the snapshot), %d requests: median %.1f ms,"
                + " p95 %.1f ms, max %.1f ms (goal p95 < 500 ms)", requests, micros.get(micros.size() / 2) / 1000.0,
                p95 / 1000.0, micros.get(micros.size() - 1) / 1000.0));
        report.add(String.format("computed live instead, the 12 months would take about 12 × %,d ms", refreshMs.get(1)));
        report.add("load average at end: " + loadAverage());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/bench-dashboard.txt"), report, StandardCharsets.UTF_8);
        report.forEach(line -> System.out.println("[bench] " + line));
        assertThat(p95).isLessThan(500_000);
    }

    private Http.Response get(String leader) {
        Http.Response r = http.get("/api/v1/dashboard?month=" + MONTH, leader);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r;
    }

    /** The month dropped from the snapshot and computed again, archive included: milliseconds. */
    private long refreshFromScratch() {
        jdbc.update("delete from kpi_month where month = ?", Date.valueOf(MONTH.atDay(1)));
        long t0 = System.nanoTime();
        figures.compute(MONTH);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
