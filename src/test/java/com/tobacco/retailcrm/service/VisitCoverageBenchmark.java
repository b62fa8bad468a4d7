package com.tobacco.retailcrm.service;

import static com.tobacco.retailcrm.support.BenchTiming.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 性能基准 of 拜访覆盖率 — runs only with {@code ./mvnw -Pbench test -Dtest=VisitCoverageBenchmark}: 300,000 ACTIVE
 * customers (cycles mixed) and a month of visits (1 to 5 per customer), then the coverage of that month over HTTP for the
 * market department (company-wide, per manager and county) against the same figures from one bare SQL statement on
 * the tables, measured in the same run; prints both medians and their ratio (the goal is at most 2).
 */
@Tag("bench")
class VisitCoverageBenchmark extends ServiceTestBase {

    private static final String[] CYCLES = {"WEEKLY", "BIWEEKLY", "MONTHLY", "\\N"};
    private static final YearMonth MONTH = YearMonth.of(2026, 6);

    @Autowired
    DataSource dataSource;

    @Test
    void coverageOfAMonthIsWithinTwiceOneBareStatement() throws Exception {
        int customers = Integer.getInteger("bench.customers", 300_000);
        People p = people();
        long countyId = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, p.county());
        List<String> report = new ArrayList<>();
        Instant start = Instant.now();
        String prefix = digits(4);
        Random random = new Random(20261203);
        int batch = 50_000;
        for (int from = 0; from < customers; from += batch) {
            StringBuilder copy = new StringBuilder();
            for (int i = from; i < Math.min(customers, from + batch); i++) {
                String code = prefix + String.format("%08d", i);
                copy.append(countyId).append('\t').append(code).append('\t').append(code).append('\t').append("基准店")
                        .append(i).append("\t2\t1\tACTIVE\tbm").append(i % 150).append('\t')
                        .append(CYCLES[random.nextInt(CYCLES.length)]).append('\t').append(1 + random.nextInt(3))
                        .append("\tWEEKLY\tONLINE\tELECTRONIC\t2026-01-01 00:00:00+00\t2026-01-01 00:00:00+00\tbench\n");
            }
            try (Connection con = dataSource.getConnection()) {
                con.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy customer (county_org_unit_id, customer_code, licence_no, store_name, retail_format,
                          market_type, status, customer_manager, visit_cycle, business_scale, order_frequency,
                          order_method, settlement_method, created_at, updated_at, created_by)
                        from stdin""", new StringReader(copy.toString()));
            }
        }
        LocalDate first = MONTH.atDay(1);
        jdbc.update("""
                insert into visit (customer_code, visited_by, visited_at, visit_date, purpose, findings, created_at)
                select c.customer_code, c.customer_manager, d::timestamptz, d, 'ROUTINE', '基准拜访', now()
                from customer c
                cross join lateral (select ?::date + ((abs(hashtext(c.customer_code || g)) % 30)) as d
                                    from generate_series(1, 1 + abs(hashtext(c.customer_code)) % 5) g) v
                where c.customer_code like ?""", first, prefix + "%");
        jdbc.execute("vacuum (analyze) customer");
        jdbc.execute("vacuum (analyze) visit");
        long visits = jdbc.queryForObject("select count(*) from visit where visit_date >= ? and visit_date < ?",
                Long.class, first, MONTH.plusMonths(1).atDay(1));
        report.add(String.format("loaded %,d customers and %,d visits of %s in %.1f s", customers, visits, MONTH,
                Duration.between(start, Instant.now()).toMillis() / 1000.0));

        String bare = """
                select c.customer_manager, c.county_org_unit_id, sum(c.due), sum(least(coalesce(m.n, 0), c.due))
                from (select customer_code, customer_manager, county_org_unit_id,
                             case coalesce(visit_cycle, case business_scale when '1' then 'WEEKLY'
                                 when '2' then 'BIWEEKLY' else 'MONTHLY' end)
                               when 'WEEKLY' then 5 when 'BIWEEKLY' then 3 else 1 end as due
                      from customer where status = 'ACTIVE') c
                left join (select customer_code, count(*) as n from visit where visit_date >= ? and visit_date < ?
                           group by customer_code) m on m.customer_code = c.customer_code
                group by c.customer_manager, c.county_org_unit_id""";
        long[] bareTotal = new long[2];
        List<Long> bareMicros = time(() -> {
            bareTotal[0] = 0;
            bareTotal[1] = 0;
            jdbc.query(bare, rs -> {
                bareTotal[0] += rs.getLong(3);
                bareTotal[1] += rs.getLong(4);
            }, first, MONTH.plusMonths(1).atDay(1));
        });
        long[] apiTotal = new long[2];
        List<Long> apiMicros = time(() -> {
            var r = http.get("/api/v1/visits/coverage?month=" + MONTH, p.mdToken());
            assertThat(r.status()).isEqualTo(200);
            apiTotal[0] = r.json().get("total").get("due").asLong();
            apiTotal[1] = r.json().get("total").get("visited").asLong();
        });
        assertThat(apiTotal).as("the API counts what the bare statement counts").containsExactly(bareTotal);
        double ratio = (double) apiMicros.get(apiMicros.size() / 2) / bareMicros.get(bareMicros.size() / 2);
        report.add(String.format("coverage %s: due %,d visited %,d", MONTH, apiTotal[0], apiTotal[1]));
        report.add(String.format("bare SQL statement  median %7.1f ms (min %7.1f)", bareMicros.get(bareMicros.size() / 2) / 1000.0,
                bareMicros.get(0) / 1000.0));
        report.add(String.format("GET coverage (HTTP) median %7.1f ms (min %7.1f)", apiMicros.get(apiMicros.size() / 2) / 1000.0,
                apiMicros.get(0) / 1000.0));
        report.add(String.format("ratio API / bare SQL = %.2f (goal ≤ 2)", ratio));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/bench-visit-coverage.txt"), report, StandardCharsets.UTF_8);
        report.forEach(line -> System.out.println("[bench] " + line));
        assertThat(ratio).isLessThanOrEqualTo(2.0);
    }
}
