package com.tobacco.retailcrm.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BenchTable;
import com.tobacco.retailcrm.support.Http;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * 性能基准 — not a unit test: runs only with {@code ./mvnw -B -Pbench test -Dtest=ClassificationBenchmark} (tag
 * "bench", heap capped at 512 MB). Loads 300,000 ACTIVE customers and about 1.2 M order lines of one month with COPY,
 * then times a classification run over HTTP next to two bare statements run in the same process: the run's own SELECT
 * ({@code RunStore.RESULTS}, everything the run computes, nothing written) and the aggregate at its heart alone
 * (purchases summed per customer, format totals and ranks by window functions); then the heap's peak during the
 * runs; then applying a run to every customer over HTTP next to the same writes as bare SQL (one INSERT … SELECT of
 * the history rows and one UPDATE … FROM of the run's results, rolled back), each after a VACUUM so both start from
 * the same table. On the production's durable settings (fsync, synchronous commit). Prints one table (figure, value,
 * baseline, ratio, target, pass) and the details, and writes them to {@code target/classification-bench-report.txt}.
 * Sizes: -Dbench.customers, -Dbench.ordersPerCustomer.
 */
@Tag("bench")
@TestPropertySource(properties = "crm.embedded-db.durable=true")
class ClassificationBenchmark extends ClassificationTestBase {

    /** The aggregate at the heart of a run: sums per customer, format totals and ranks. */
    private static final String RANKS = """
            select count(*), sum(position) from (
                select rank() over (partition by t.retail_format
                                    order by t.qty * t.total_amount + t.amount * t.total_qty desc) as position
                from (
                    select a.retail_format, coalesce(b.qty, 0) as qty, coalesce(b.amount, 0) as amount,
                           sum(coalesce(b.qty, 0)) over f as total_qty, sum(coalesce(b.amount, 0)) over f as total_amount
                    from customer a
                    left join (select customer_code, sum(qty) as qty, sum(amount) as amount from purchase
                               where order_date between ? and ? group by customer_code) b
                           on b.customer_code = a.customer_code
                    where a.status = 'ACTIVE' and a.retail_format is not null
                    window f as (partition by a.retail_format)
                ) t
            ) ranked
            """;

    /** The run's own SELECT, everything it computes but nothing written; every column is used so none is skipped. */
    private static final String RESULTS = "select count(*), count(score), sum(rank), count(business_scale), "
            + "count(customer_class), sum(tier), count(previous_class), sum(qty), sum(amount), count(county_org_unit_id) "
            + "from (" + com.tobacco.retailcrm.classification.persistence.RunStore.RESULTS + ") r";

    @Autowired
    DataSource dataSource;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private final BenchTable figures = new BenchTable();

    @Test
    void benchmark() throws Exception {
        int customers = Integer.getInteger("bench.customers", 300_000);
        int ordersPerCustomer = Integer.getInteger("bench.ordersPerCustomer", 4);
        note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start " + loadAverage());
        County c = county();
        long countyId = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, c.code());
        YearMonth month = lastMonth();
        load(customers, ordersPerCustomer, countyId, month);

        List<Long> ranks = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        List<Long> run = new ArrayList<>();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        var tiers = new com.tobacco.retailcrm.classification.domain.TierScheme(30, List.of());
        var period = com.tobacco.retailcrm.classification.domain.Period.parse(month.toString());
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            bareStatement(RANKS, java.sql.Date.valueOf(month.atDay(1)), java.sql.Date.valueOf(month.atEndOfMonth()));
            long t1 = System.nanoTime();
            bareStatement(RESULTS, com.tobacco.retailcrm.classification.persistence.RunStore.resultsArguments(period, tiers, 0));
            long t2 = System.nanoTime();
            var r = http.post("/api/v1/classification-runs", c.marketDept(), Http.body("period", month.toString()));
            long t3 = System.nanoTime();
            assertThat(r.status()).as("run: %s", r).isEqualTo(201);
            if (i > 0) {   // the first round warms caches and JIT
                ranks.add((t1 - t0) / 1_000_000);
                bare.add((t2 - t1) / 1_000_000);
                run.add((t3 - t2) / 1_000_000);
            }
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long results = jdbc.queryForObject("select count(*) from classification_result where run_id = "
                + "(select max(id) from classification_run)", Long.class);
        long ranksMedian = median(ranks);
        long bareMedian = median(bare);
        long runMedian = median(run);
        note(String.format("bare aggregate, ranks only (one SELECT: sums per customer, format totals, ranks; same "
                + "work_mem): median %,d ms %s", ranksMedian, ranks));
        note(String.format("bare aggregate, the run's own SELECT (RunStore.RESULTS: also scale, class, tier and "
                + "the previous values, nothing written): median %,d ms %s", bareMedian, bare));
        note(String.format("classification run over HTTP (that SELECT inserted as %,d result rows, format "
                + "summary, changed count, commit): median %,d ms %s", results, runMedian, run));
        note(String.format("run / ranks only = %.2f", runMedian / (double) ranksMedian));
        note(figures.figure("classification run vs its own SELECT (ms)", runMedian, bareMedian, "ratio <= 1.5",
                runMedian <= 1.5 * bareMedian));
        long maxHeap = Runtime.getRuntime().maxMemory();
        note(String.format("heap: %,d MB in use before the runs (whole JVM)", before / (1024 * 1024)));
        note(figures.figure("heap peak during 4 runs, whole JVM (MB)", peak / (1024.0 * 1024), maxHeap / (1024.0 * 1024),
                "<= 512 (-Xmx)", maxHeap <= 512L * 1024 * 1024 + 64L * 1024 * 1024));
        explainRun(month);
        long lastRun = jdbc.queryForObject("select max(id) from classification_run", Long.class);
        measureResultPages(c, lastRun);
        apply(c, lastRun, period);
        note("load average at the end " + loadAverage());

        figures.writeReport("classification-bench-report.txt");
    }

    private void note(String line) {
        figures.note(line);
    }

    private static String loadAverage() throws Exception {
        return BenchTable.loadAverage();
    }

    // ----------------------------------------------------------------------------------------------------- apply

    /**
     * The values applying a run writes, per result row (parameters: months, months, run id): scale, class and tier
     * of a classified customer, the period's monthly purchase figures of every one, as canonical text.
     */
    private static final String APPLIED_VALUES = """
            select r.customer_code, r.customer_class is not null as classified, r.business_scale, r.customer_class,
                   r.tier, round(r.qty / ?, 2) as qty, round(r.amount / ?, 2) as amount,
                   case when r.qty > 0 then round(r.amount / r.qty, 2) end as avg_price
            from classification_result r where r.run_id = ?""";

    /** The history rows of an apply as bare SQL: one per changed field, old and new value as canonical text. */
    private static final String BARE_HISTORY = """
            insert into customer_history (customer_id, customer_code, field, old_value, new_value, changed_by,
                changed_at, source, reason)
            select c.id, c.customer_code, x.field, x.o, x.n, 'bench', now(), x.source, ?
            from customer c join (%s) r on r.customer_code = c.customer_code
            cross join lateral (values
                ('businessScale', c.business_scale::text, case when r.classified then r.business_scale
                    else c.business_scale end::text, ?),
                ('customerClass', c.customer_class::text, case when r.classified then r.customer_class
                    else c.customer_class end::text, ?),
                ('tier', c.tier::text, case when r.classified then r.tier else c.tier end::text, ?),
                ('purchaseQty', trim_scale(c.purchase_qty)::text, trim_scale(r.qty)::text, ?),
                ('purchaseAmount', trim_scale(c.purchase_amount)::text, trim_scale(r.amount)::text, ?),
                ('purchaseAvgPrice', trim_scale(c.purchase_avg_price)::text, trim_scale(r.avg_price)::text, ?))
                as x(field, o, n, source)
            where c.status <> 'CANCELLED' and x.o is distinct from x.n""".formatted(APPLIED_VALUES);

    /** The archive values of an apply as bare SQL: the customers whose values differ, version raised. */
    private static final String BARE_UPDATE = """
            update customer c set
                business_scale = case when r.classified then r.business_scale else c.business_scale end,
                customer_class = case when r.classified then r.customer_class else c.customer_class end,
                tier = case when r.classified then r.tier else c.tier end,
                purchase_qty = r.qty, purchase_amount = r.amount, purchase_avg_price = r.avg_price,
                updated_at = now(), version = c.version + 1
            from (%s) r
            where r.customer_code = c.customer_code and c.status <> 'CANCELLED'
              and (c.business_scale, c.customer_class, c.tier, c.purchase_qty, c.purchase_amount, c.purchase_avg_price)
                  is distinct from (case when r.classified then r.business_scale else c.business_scale end,
                                    case when r.classified then r.customer_class else c.customer_class end,
                                    case when r.classified then r.tier else c.tier end,
                                    r.qty, r.amount, r.avg_price)""".formatted(APPLIED_VALUES);

    private record BareApply(long ms, int history, int customers, long walMb) {
    }

    /**
     * Applies the run over HTTP after the same writes as bare SQL (once to warm up, once timed, each rolled back and
     * followed by a VACUUM, so the apply starts from the table the timed baseline started from). Both must write the
     * same number of history rows and customers: the baseline is the same work.
     */
    private void apply(County c, long runId, com.tobacco.retailcrm.classification.domain.Period period) {
        bareApply(runId, period);
        BareApply bare = bareApply(runId, period);
        note(String.format("bare SQL apply (INSERT … SELECT of %,d history rows, UPDATE … FROM of %,d customers, "
                + "rolled back; %,d MB of WAL): %,d ms", bare.history(), bare.customers(), bare.walMb(), bare.ms()));
        String wal = jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
        long a0 = System.nanoTime();
        var applied = http.post("/api/v1/classification-runs/" + runId + "/apply", c.marketDept(), java.util.Map.of(),
                java.time.Duration.ofMinutes(30));
        long applyMs = (System.nanoTime() - a0) / 1_000_000;
        assertThat(applied.status()).as("apply: %s", applied).isEqualTo(200);
        long walMb = jdbc.queryForObject("select (pg_current_wal_lsn() - ?::pg_lsn) / 1048576", Long.class, wal);
        int history = jdbc.queryForObject("select count(*) from customer_history where reason = ?", Integer.class,
                "#" + runId + " " + period.code());
        int customers = jdbc.queryForObject("select count(distinct customer_id) from customer_history where reason = ?",
                Integer.class, "#" + runId + " " + period.code());
        note(String.format("apply over HTTP (scale, class, tier and the month's purchase figures: %,d history rows, "
                + "%,d customers; %,d MB of WAL): %,d ms", history, customers, walMb, applyMs));
        assertThat(history).as("the baseline writes the history rows the apply writes").isEqualTo(bare.history());
        assertThat(customers).as("the baseline updates the customers the apply updates").isEqualTo(bare.customers());
        note(figures.figure(String.format("apply a run to %,d customers vs bare SQL (ms)", customers), applyMs,
                bare.ms(), "ratio <= 2", applyMs <= 2 * bare.ms()));
    }

    private BareApply bareApply(long runId, com.tobacco.retailcrm.classification.domain.Period period) {
        String classification = "CLASSIFICATION:" + runId;
        String purchases = "PURCHASES:" + period.code();
        BareApply bare = transactions.execute(tx -> {
            String wal = jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
            long t0 = System.nanoTime();
            int history = jdbc.update(BARE_HISTORY, "#" + runId + " " + period.code(), period.months(), period.months(),
                    runId, classification, classification, classification, purchases, purchases, purchases);
            int customers = jdbc.update(BARE_UPDATE, period.months(), period.months(), runId);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long walMb = jdbc.queryForObject("select (pg_current_wal_lsn() - ?::pg_lsn) / 1048576", Long.class, wal);
            tx.setRollbackOnly();
            return new BareApply(ms, history, customers, walMb);
        });
        // what the rollback left behind is cleared away, as a table of that size has long been vacuumed
        jdbc.execute("vacuum customer");
        jdbc.execute("vacuum customer_history");
        return bare;
    }

    /** How long a person waits for a page of a run's results (the API the run page reads), median of 10. */
    private void measureResultPages(County c, long runId) {
        for (String query : List.of("page=1&size=20", "retailFormat=1&page=200&size=20", "changed=true&page=1&size=20",
                "businessScale=1&page=50&size=20")) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                long t0 = System.nanoTime();
                var page = http.get("/api/v1/classification-runs/" + runId + "/results?" + query, c.marketDept());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(page.status()).as("%s", page).isEqualTo(200);
                if (i > 0) {
                    times.add(ms);
                }
            }
            note(String.format("results page %s: median %,d ms (with its total)", query, median(times)));
        }
    }

    /** Where the run's time goes: EXPLAIN ANALYZE of its statement for one more run, rolled back. */
    private void explainRun(YearMonth month) throws Exception {
        var field = com.tobacco.retailcrm.classification.persistence.RunStore.class.getDeclaredField("COMPUTE");
        field.setAccessible(true);
        String compute = (String) field.get(null);
        var tiers = new com.tobacco.retailcrm.classification.domain.TierScheme(30, List.of());
        var period = com.tobacco.retailcrm.classification.domain.Period.parse(month.toString());
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("set local work_mem = '" + com.tobacco.retailcrm.classification.persistence.RunStore.WORK_MEM + "'");
            long id = jdbc.queryForObject("select max(id) from classification_run", Long.class);
            jdbc.update("delete from classification_run_format where run_id = ?", id);
            jdbc.update("delete from classification_result where run_id = ?", id);
            List<Object> args = new ArrayList<>(List.of(
                    com.tobacco.retailcrm.classification.persistence.RunStore.resultsArguments(period, tiers, id)));
            args.add(id);
            jdbc.query("explain (analyze, buffers) " + compute, rs -> {
                figures.noteInReportOnly("  plan: " + rs.getString(1));
            }, args.toArray());
            tx.setRollbackOnly();
        });
    }

    /** One bare statement in its own transaction with the run's memory for sorts. */
    private void bareStatement(String sql, Object... args) {
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("set local work_mem = '" + com.tobacco.retailcrm.classification.persistence.RunStore.WORK_MEM + "'");
            jdbc.queryForMap(sql, args);
        });
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private void load(int n, int ordersPerCustomer, long countyId, YearMonth month) throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(20261123);
        String prefix = digits(4);
        String[] formats = {"1", "1", "1", "2", "2", "3", "4", "5", "5", "6", "9"};
        int batch = 50_000;
        long orders = 0;
        for (int from = 0; from < n; from += batch) {
            StringBuilder customers = new StringBuilder();
            StringBuilder purchases = new StringBuilder();
            for (int i = from; i < Math.min(n, from + batch); i++) {
                String code = prefix + String.format("%08d", i);
                customers.append(countyId).append('\t').append(code).append('\t').append(code).append("\t基准店")
                        .append(i).append('\t').append(formats[random.nextInt(formats.length)]).append('\t')
                        .append(1 + random.nextInt(2))
                        .append("\tACTIVE\t2026-01-01 00:00:00+00\t2026-01-01 00:00:00+00\tbench\n");
                if (i % 25 == 0) {
                    continue;   // some customers buy nothing
                }
                double size = Math.exp(random.nextGaussian() * 0.6);
                int count = ordersPerCustomer + (i % 3 == 0 ? 1 : 0) - (i % 5 == 0 ? 1 : 0);
                for (int o = 0; o < count; o++) {
                    LocalDate d = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                    long qty = Math.max(1, Math.round(10 * size * (1 + random.nextGaussian() * 0.2)));
                    purchases.append("B").append(code).append('-').append(o).append('\t').append(code).append('\t')
                            .append(d).append('\t').append(qty).append('\t')
                            .append(qty * (150 + random.nextInt(200))).append(".").append(random.nextInt(10))
                            .append("0\t2026-01-01 00:00:00+00\tbench\n");
                    orders++;
                }
            }
            try (Connection con = dataSource.getConnection()) {
                var copy = con.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("""
                        copy customer (county_org_unit_id, customer_code, licence_no, store_name, retail_format,
                          market_type, status, created_at, updated_at, created_by) from stdin""",
                        new StringReader(customers.toString()));
                copy.copyIn("copy purchase (order_no, customer_code, order_date, qty, amount, received_at, received_by)"
                        + " from stdin", new StringReader(purchases.toString()));
            }
        }
        jdbc.execute("analyze customer");
        jdbc.execute("analyze purchase");
        note("server: " + jdbc.queryForObject("select string_agg(name || '=' || current_setting(name), ', ' "
                + "order by name) from pg_settings where name in ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', "
                + "'wal_buffers', 'server_version', 'fsync', 'synchronous_commit', 'full_page_writes')", String.class));
        note(String.format("loaded %,d customers and %,d order lines of %s with COPY in %.1f s", n, orders, month,
                (System.nanoTime() - t0) / 1e9));
    }
}
