package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.domain.CustomerSearchProbe;
import com.tobacco.retailcrm.customer.domain.SensitiveDataCipher;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.support.BenchTable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * 性能基准 — not a unit test: runs only with {@code ./mvnw -Pbench test} (tag "bench", heap capped at 512 MB), on
 * an embedded PostgreSQL with the production's durable settings (fsync, synchronous commit). Loads 300,000
 * customers with COPY, then measures, each beside a baseline of the same work done bare in the same run:
 * <ul>
 *   <li>search: 16 clients in a separate process (the server's JVM carries none of their work), a mix of queries
 *       (pinyin initials of 2–5 letters, some matching nothing; name substrings of 2, 3 and 5 characters; code
 *       prefixes; last four phone digits) as a customer manager, a market manager and the market department;
 *       baseline: the same statements sent by 16 JDBC threads, no HTTP, authentication or JSON;</li>
 *   <li>import, cold: an xlsx as the export writes it (every dictionary column), half updates of existing customers
 *       (the exported rows, three fields changed) and half new ones (every writable column filled); baseline: COPY
 *       of the same final customer rows and the history rows the import wrote, into the same tables.</li>
 * </ul>
 * Prints one table (figure, value, baseline, ratio, target, pass) and writes it with the details to
 * {@code target/bench-report.txt}. Sizes: -Dbench.customers, -Dbench.importRows, -Dbench.clients, -Dbench.seconds,
 * -Dbench.warmUp; -Dbench.only=search or -Dbench.only=import runs that part alone; -Dbench.explain=true adds the
 * plans of the search's statements (EXPLAIN ANALYZE of one query of each kind in each scope) to the report.
 */
@Tag("bench")
@TestPropertySource(properties = "crm.embedded-db.durable=true")
class CustomerBenchmark extends CustomerApiTestBase {

    @Autowired
    DataSource dataSource;
    @Autowired
    SensitiveDataCipher cipher;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserDirectory directory;

    private final Random random = new Random(20261123);
    private final BenchTable figures = new BenchTable();
    private String codePrefix;

    @Test
    void benchmark() throws Exception {
        int customers = Integer.getInteger("bench.customers", 300_000);
        int importRows = Integer.getInteger("bench.importRows", 20_000);
        note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start " + loadAverage());
        County p = county();
        long countyId = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, p.code());
        List<String[]> samples = load(customers, countyId, p.managerName());
        String only = System.getProperty("bench.only", "");
        if (only.isEmpty() || only.equals("search")) {
            search(p, samples);
        }
        if (only.isEmpty() || only.equals("import")) {
            importFullWidth(p, importRows);
        }
        note("load average at the end " + loadAverage());

        figures.writeReport("bench-report.txt");
    }

    private void note(String line) {
        figures.note(line);
    }

    private static String loadAverage() throws Exception {
        return BenchTable.loadAverage();
    }

    /** COPY of generated customers (every tenth the customer manager's); returns samples {code, name, phone, initials}. */
    private List<String[]> load(int n, long countyId, String manager) throws Exception {
        Instant start = Instant.now();
        codePrefix = digits(4);
        List<String[]> samples = new BenchmarkCustomers(dataSource, cipher, random).load(n, codePrefix, countyId, manager);
        // an archive of this size has long been vacuumed: autovacuum catching up on the load must not run in a measurement
        jdbc.execute("vacuum (analyze) customer");
        note("server: " + jdbc.queryForObject("select string_agg(name || '=' || current_setting(name), ', ' "
                + "order by name) from pg_settings where name in ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', "
                + "'wal_buffers', 'server_version', 'fsync', 'synchronous_commit', 'full_page_writes')", String.class));
        note(String.format("loaded %,d customers with COPY in %.1f s (table now %,d rows; %s)", n,
                Duration.between(start, Instant.now()).toMillis() / 1000.0,
                jdbc.queryForObject("select count(*) from customer", Long.class),
                jdbc.queryForObject("select 'customer heap ' || pg_size_pretty(pg_relation_size('customer')) || ', its indexes '"
                        + " || pg_size_pretty(pg_indexes_size('customer')) || ', database ' || pg_size_pretty("
                        + "pg_database_size(current_database()))", String.class)));
        return samples;
    }

    // ---------------------------------------------------------------------------------------------------- search

    private void search(County p, List<String[]> samples) throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmUp = Integer.getInteger("bench.warmUp", 15);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("customerManager", p.manager());
        tokens.put("marketManager", p.marketManager());
        tokens.put("marketDept", p.marketDept());
        Map<String, DataScope> scopes = Map.of("customerManager", scopeOf(p.managerName()),
                "marketManager", scopeOf(p.marketManagerName()), "marketDept", scopeOf(p.marketDeptName()));
        note("scopes: " + scopes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().kind()).sorted().toList());
        List<String> roles = List.copyOf(tokens.keySet());
        List<SearchLoadClient.Request> mix = new ArrayList<>();
        int i = 0;
        for (String[] kindAndQ : queryMix(samples, 3_000)) {
            String role = roles.get(i++ % roles.size());
            mix.add(new SearchLoadClient.Request(role, kindAndQ[0], tokens.get(role), kindAndQ[1]));
        }

        long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        long[] clientCpu = {-1};
        long[][] serverCpu = {null};
        @SuppressWarnings("unchecked")
        Map<String, Long>[] serverThreads = new Map[] {Map.of(), Map.of()};
        boolean statements = statementsReset();
        Map<String, SearchLoadClient.Result> http = outside(mix, clients, warmUp, seconds, backend, clientCpu, serverCpu,
                serverThreads);
        statementsNoted(statements, "HTTP");
        CustomerSearchProbe probe = new CustomerSearchProbe(context);
        long[][] bareCpuStart = new long[1][];
        var cpuTimer = Executors.newSingleThreadScheduledExecutor();
        @SuppressWarnings("unchecked")
        Map<String, Long>[] bareThreads = new Map[] {Map.of(), Map.of()};
        cpuTimer.schedule(() -> {
            bareThreads[0] = ProcessCpu.thisJvmByKind();
            bareCpuStart[0] = ProcessCpu.sample(backend);
        }, warmUp, TimeUnit.SECONDS);
        var bareRun = SearchLoadClient.measure(mix, clients, Duration.ofSeconds(warmUp), Duration.ofSeconds(seconds), r -> {
            probe.firstPage(r.q(), scopes.get(r.role()));
            return true;
        });
        long[] bareServerCpu = ProcessCpu.since(bareCpuStart[0], backend);
        bareThreads[1] = ProcessCpu.thisJvmByKind();
        statementsNoted(statements, "bare SQL");
        cpuTimer.shutdown();
        Map<String, SearchLoadClient.Result> bare = new LinkedHashMap<>();
        SearchLoadClient.results(bareRun).forEach(r -> bare.put(r.key(), r));

        note(String.format("search: %d clients in a separate process, %d s measured after %d s warm-up; "
                + "bare SQL: the same mix from %d JDBC threads", clients, seconds, warmUp, clients));
        for (String key : http.keySet()) {
            var h = http.get(key);
            var b = bare.get(key);
            note(String.format("  %-22s HTTP p50 %6.1f p95 %6.1f p99 %6.1f ms %6.0f req/s (%d failed) | SQL p50 %6.1f p95 %6.1f ms %6.0f/s",
                    key, h.p50() / 1000.0, h.p95() / 1000.0, h.p99() / 1000.0, h.perSecond(), h.errors(),
                    b == null ? 0 : b.p50() / 1000.0, b == null ? 0 : b.p95() / 1000.0, b == null ? 0 : b.perSecond()));
        }
        var all = http.get("ALL");
        var bareAll = bare.get("ALL");
        long[] httpServerCpu = serverCpu[0] == null ? new long[] {-1, -1} : serverCpu[0];
        // CPU per request, which other work on the machine hardly changes (latency there is mostly waiting for a core)
        note(String.format(Locale.ROOT, "CPU per search (ms): HTTP: load client %.2f, server JVM %.2f, PostgreSQL %.2f"
                        + " | bare SQL: JVM %.2f, PostgreSQL %.2f", perRequest(clientCpu[0], all), perRequest(httpServerCpu[0], all),
                perRequest(httpServerCpu[1], all), perRequest(bareServerCpu[0], bareAll), perRequest(bareServerCpu[1], bareAll)));
        note("  server JVM by threads (ms per search): HTTP: " + ProcessCpu.perRequest(serverThreads[0], serverThreads[1],
                all.count()) + " | bare SQL: " + ProcessCpu.perRequest(bareThreads[0], bareThreads[1], bareAll.count()));
        assertThat(all.errors()).as("failed search requests").isZero();
        figure("search p95, 16 clients outside (ms)", all.p95() / 1000.0, bareAll.p95() / 1000.0, "<= 50",
                all.p95() <= 50_000);
        figure("search throughput (req/s)", all.perSecond(), bareAll.perSecond(), ">= 500", all.perSecond() >= 500);
        double ratio = (double) all.p50() / Math.max(1, bareAll.p50());
        figure("search p50 (ms) vs bare SQL", all.p50() / 1000.0, bareAll.p50() / 1000.0, "ratio <= 2", ratio <= 2);
        if (Boolean.getBoolean("bench.explain")) {
            explain(mix, probe, scopes);
        }
    }

    /**
     * With pg_stat_statements loaded (-Dcrm.embedded-db.settings[shared_preload_libraries]=pg_stat_statements):
     * starts counting the statements anew; whether it does.
     */
    private boolean statementsReset() {
        if (!jdbc.queryForObject("select current_setting('shared_preload_libraries') like '%pg_stat_statements%'",
                Boolean.class)) {
            return false;
        }
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.execute("set pg_stat_statements.track_planning = on");
        jdbc.queryForList("select pg_stat_statements_reset()");
        return true;
    }

    /** The statements that took the most database time since {@link #statementsReset}, planning apart, to the report. */
    private void statementsNoted(boolean counted, String phase) {
        if (!counted) {
            return;
        }
        note("statements by database time, " + phase + " (calls, mean plan ms, mean run ms, share of the time, rows"
                + " and blocks hit and read per call):");
        jdbc.query("select calls, mean_plan_time, mean_exec_time, (total_plan_time + total_exec_time)"
                + " / sum(total_plan_time + total_exec_time) over () as share, coalesce(rows / nullif(calls, 0), 0), coalesce(shared_blks_hit / nullif(calls, 0), 0),"
                + " coalesce(shared_blks_read / nullif(calls, 0), 0), left(regexp_replace(query, '\\s+', ' ', 'g'), 220) as q"
                + " from pg_stat_statements where calls > 0 order by total_plan_time + total_exec_time desc limit 15", rs -> {
                    note(String.format(Locale.ROOT, "  %8d %7.3f %7.3f %5.1f%% %6d %7d %6d %s", rs.getLong(1),
                            rs.getDouble(2), rs.getDouble(3), 100 * rs.getDouble(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getString(8)));
                });
        jdbc.queryForList("select pg_stat_statements_reset()");
    }

    /** -Dbench.explain=true: the plans of the first query of each kind, in each scope (to the report). */
    private void explain(List<SearchLoadClient.Request> mix, CustomerSearchProbe probe, Map<String, DataScope> scopes)
            throws Exception {
        for (String kind : KINDS) {
            List<String> qs = mix.stream().filter(r -> r.kind().equals(kind)).map(SearchLoadClient.Request::q)
                    .distinct().limit(EXPLAINED_QUERIES).toList();
            for (String role : scopes.keySet().stream().sorted().toList()) {
                // the costliest of a few queries of the kind: the first one is often a cheap one
                List<String> slowest = List.of();
                String slowestQ = null;
                for (String q : qs) {
                    List<String> plans = probe.plans(q, scopes.get(role));
                    if (slowestQ == null || duration(plans) > duration(slowest)) {
                        slowest = plans;
                        slowestQ = q;
                    }
                }
                note(String.format(Locale.ROOT, "plan %s q=%s as %s (the slowest of %d, %.3f ms in all):", kind,
                        slowestQ, role, qs.size(), duration(slowest)));
                slowest.forEach(plan -> note("  " + plan.replace("\n", "\n  ")));
            }
        }
    }

    private static final int EXPLAINED_QUERIES = 12;
    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("duration: ([0-9.]+) ms");

    /** The run times auto_explain wrote into the plans, summed. */
    private static double duration(List<String> plans) {
        return plans.stream().map(DURATION::matcher).filter(java.util.regex.Matcher::find)
                .mapToDouble(m -> Double.parseDouble(m.group(1))).sum();
    }

    private static double perRequest(long cpuNanos, SearchLoadClient.Result r) {
        return cpuNanos < 0 || r.count() == 0 ? Double.NaN : cpuNanos / 1e6 / r.count();
    }

    private DataScope scopeOf(String username) {
        UserRef u = directory.find(username).orElseThrow();
        return directory.scopeOf(new CurrentUser(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roles(), false));
    }

    /**
     * Runs {@link SearchLoadClient} as a separate JVM against this server; its results by key. Also gives the CPU time
     * of its measured period: the client's, and this JVM's and PostgreSQL's ({ns, ns}).
     */
    private Map<String, SearchLoadClient.Result> outside(List<SearchLoadClient.Request> mix, int clients, int warmUp,
                                                         int seconds, long backend, long[] clientCpu,
                                                         long[][] serverCpu, Map<String, Long>[] serverThreads)
            throws Exception {
        Path file = Files.createTempFile("bench-search", ".tsv");
        List<String> lines = mix.stream().map(r -> r.role() + "\t" + r.kind() + "\t" + r.token() + "\t" + r.q()).toList();
        Files.write(file, lines, StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process client = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SearchLoadClient.class.getName(), http.base(), file.toString(), String.valueOf(clients),
                String.valueOf(warmUp), String.valueOf(seconds)).redirectErrorStream(true).start();
        Map<String, SearchLoadClient.Result> results = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("MEASURING")) {
                    serverThreads[0] = ProcessCpu.thisJvmByKind();
                    serverCpu[0] = ProcessCpu.sample(backend);
                } else if (line.startsWith("RESULT ")) {
                    if (results.isEmpty() && serverCpu[0] != null) {
                        serverCpu[0] = ProcessCpu.since(serverCpu[0], backend);
                        serverThreads[1] = ProcessCpu.thisJvmByKind();
                    }
                    var r = SearchLoadClient.Result.parse(line);
                    results.put(r.key(), r);
                } else if (line.startsWith("CPU ")) {
                    clientCpu[0] = Long.parseLong(line.substring(4).trim());
                } else {
                    other.add(line);
                }
            }
        }
        assertThat(client.waitFor(warmUp + seconds + 120, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as("load client: %s", other).isZero();
        Files.deleteIfExists(file);
        return results;
    }

    private static final String[] KINDS = {"initials", "initials-none", "substring2", "substring3", "substring5",
            "code-prefix", "phone-last4"};

    /** {kind, q} pairs drawn from the samples. */
    private List<String[]> queryMix(List<String[]> samples, int n) {
        List<String[]> mix = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] s = samples.get(random.nextInt(samples.size()));
            String kind = KINDS[i % KINDS.length];
            String q = switch (kind) {
                case "initials" -> s[3].substring(0, Math.min(s[3].length(), 2 + random.nextInt(4)));
                // no pinyin syllable starts with v: these match nothing (and are still asked of the index)
                case "initials-none" -> "v" + letters(1 + random.nextInt(4));
                case "substring2" -> nameSubstring(s[1], 2);
                case "substring3" -> nameSubstring(s[1], 3);
                case "substring5" -> nameSubstring(s[1], 5);
                case "code-prefix" -> s[0].substring(0, 6 + random.nextInt(5));
                default -> s[2].substring(s[2].length() - 4);
            };
            mix.add(new String[] {kind, q});
        }
        return mix;
    }

    private String letters(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    /** A substring of the name's Chinese part (the numbering after it would make digits a code prefix). */
    private String nameSubstring(String name, int length) {
        int chinese = 0;
        while (chinese < name.length() && !Character.isDigit(name.charAt(chinese))) {
            chinese++;
        }
        String part = chinese >= length ? name.substring(0, chinese) : name;
        if (part.length() <= length) {
            return part;
        }
        int from = random.nextInt(part.length() - length + 1);
        return part.substring(from, from + length);
    }

    // ---------------------------------------------------------------------------------------------------- import

    /**
     * Exports existing customers as the system writes them, makes half of the file updates (three fields changed) and
     * half new customers (fresh code and licence, no SYSTEM values, every writable column filled), imports it cold
     * and compares with COPY of the same final rows and history rows.
     */
    private void importFullWidth(County p, int rows) throws Exception {
        // the file is made in a method of its own: the export and the rows it was made of (about 100 MB) are garbage
        // before the import starts, so the heap and GC figures are the server's, not the file generator's
        Path file = makeImportFile(p, rows, false);

        System.gc();
        long maxHeap = Runtime.getRuntime().maxMemory();
        String walBefore = jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
        boolean statements = statementsReset();
        long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        Map<String, Long> threadsBefore = ProcessCpu.thisJvmByKind();
        long[] cpuBefore = ProcessCpu.sample(backend);
        HeapWatch watch = HeapWatch.start();
        ImportRun run = importFile(p.marketDept(), file);
        HeapWatch.Peaks peaks = watch.stop();
        long[] cpu = ProcessCpu.since(cpuBefore, backend);
        int lines = run.created() + run.updated() + run.unchanged() + run.failed();
        note(String.format(Locale.ROOT, "CPU during the import (s): server JVM %.2f (by threads, ms: %s), PostgreSQL %.2f",
                cpu[0] / 1e9, ProcessCpu.perRequest(threadsBefore, ProcessCpu.thisJvmByKind(), 1),
                cpu[1] / 1e9));
        statementsNoted(statements, "import");
        Files.deleteIfExists(file);
        note(String.format("import (cold, no import before it in this JVM): %s in %.1f s = %.0f rows/s; created %d, "
                        + "updated %d, unchanged %d, failed %d; %,d MB of WAL; first errors %s", run.status(), run.seconds(),
                lines / run.seconds(), run.created(), run.updated(), run.unchanged(), run.failed(),
                jdbc.queryForObject("select (pg_current_wal_lsn() - ?::pg_lsn) / 1048576", Long.class, walBefore),
                run.errors()));
        note(String.format("heap during the import (whole JVM: server and test, -Xmx %,d MB): live after GC peak "
                        + "%,d MB; in use incl. garbage peak %,d MB (sampled every 50 ms); %d collections",
                maxHeap / (1024 * 1024), peaks.afterGc() / (1024 * 1024), peaks.used() / (1024 * 1024), peaks.collections()));
        assertThat(run.status()).as("the import finished within the heap").isEqualTo("DONE");

        CopyBaseline copy = copyBaseline(run.id());
        note(String.format(Locale.ROOT, "COPY baseline: %,d customer rows and %,d history rows in %.2f s, PostgreSQL CPU"
                + " %.2f s (then rolled back: customers are never deleted)", copy.customers(), copy.history(), copy.seconds(),
                copy.databaseCpu()));
        double rowsPerSecond = lines / run.seconds();
        figure("import full width, half updates (rows/s)", rowsPerSecond, lines / copy.seconds(), ">= 5000",
                rowsPerSecond >= 5_000);
        figure("import time vs COPY of rows + history (s)", run.seconds(), copy.seconds(), "ratio <= 3",
                run.seconds() / copy.seconds() <= 3);
        figure("import heap, live after GC peak (MB)", peaks.afterGc() / (1024.0 * 1024), maxHeap / (1024.0 * 1024),
                "<= 512 (-Xmx)", run.status().equals("DONE") && maxHeap <= 512L * 1024 * 1024 + 64L * 1024 * 1024);
        if (Boolean.getBoolean("bench.importAgain")) {
            importAgain(p, rows);
        }
    }

    /**
     * -Dbench.importAgain=true: a second file of the same shape (the same customers changed again, other new ones)
     * imported in the same JVM, to the report only: what the import costs once its code is compiled.
     */
    private void importAgain(County p, int rows) throws Exception {
        Path file = makeImportFile(p, rows, true);
        System.gc();
        long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        Map<String, Long> threadsBefore = ProcessCpu.thisJvmByKind();
        long[] cpuBefore = ProcessCpu.sample(backend);
        ImportRun run = importFile(p.marketDept(), file);
        long[] cpu = ProcessCpu.since(cpuBefore, backend);
        Files.deleteIfExists(file);
        note(String.format(Locale.ROOT, "import again (warm, same shape): %s in %.1f s = %.0f rows/s; created %d, updated %d,"
                        + " unchanged %d, failed %d; CPU: server JVM %.2f (by threads, ms: %s), PostgreSQL %.2f", run.status(),
                run.seconds(), (run.created() + run.updated() + run.unchanged() + run.failed()) / run.seconds(), run.created(),
                run.updated(), run.unchanged(), run.failed(), cpu[0] / 1e9, ProcessCpu.perRequest(threadsBefore, ProcessCpu.thisJvmByKind(), 1), cpu[1] / 1e9));
    }

    /** The dictionary as a file's columns need it, by Chinese label. */
    private Map<String, Map<String, Object>> fieldMeta() {
        Map<String, Map<String, Object>> meta = new HashMap<>();
        for (Map<String, Object> f : jdbc.queryForList("""
                select f.key, f.label_zh, f.type, f.format, f.maintenance, f.sensitive, f.min_value, f.max_value, f.max_length,
                       (select o.label_zh from customer_field_option o where o.field_key = f.key order by o.sort_order limit 1)
                           as first_option
                from customer_field f""")) {
            meta.put((String) f.get("label_zh"), f);
        }
        return meta;
    }

    /**
     * The import file: the export of existing customers made into updates (three values changed; {@code again}: changed
     * once more) and as many new customers (fresh codes and licences), shuffled, as an xlsx.
     */
    private Path makeImportFile(County p, int rows, boolean again) throws Exception {
        int updates = (int) Math.pow(10, Math.floor(Math.log10(Math.max(10, rows / 2))));
        String exportQ = codePrefix + "0".repeat(8 - (int) Math.log10(updates));
        var export = http.get("/api/v1/customers/export?format=csv&q=" + exportQ, p.marketDept());
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        List<CSVRecord> exported = CSVFormat.DEFAULT.builder().build()
                .parse(new StringReader(export.body().replace("\uFEFF", ""))).getRecords();
        List<String> header = exported.get(0).toList();
        List<List<String>> lines = new ArrayList<>();
        ImportColumns columns = new ImportColumns(header, fieldMeta());
        String newPrefix = digits(4);
        for (int i = 1; i < exported.size(); i++) {
            List<String> row = exported.get(i).toList();
            lines.add(again ? columns.updatedAgain(row, i) : columns.updated(row, i));
            lines.add(columns.created(row, i, newPrefix, p.code()));
        }
        java.util.Collections.shuffle(lines, random);
        Path file = writeXlsx(header, lines);
        note(String.format("import file: %,d rows (%,d updates, %,d new) x %d columns, %,d KB xlsx", lines.size(),
                exported.size() - 1, exported.size() - 1, header.size(), Files.size(file) / 1024));
        return file;
    }

    private Path writeXlsx(List<String> header, List<List<String>> lines) throws Exception {
        Path file = Files.createTempFile("bench-import", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("客户档案");
            for (int col = 0; col < header.size(); col++) {
                ws.value(0, col, header.get(col));
            }
            for (int i = 0; i < lines.size(); i++) {
                List<String> cells = lines.get(i);
                for (int col = 0; col < cells.size(); col++) {
                    if (!cells.get(col).isEmpty()) {
                        ws.value(i + 1, col, cells.get(col));
                    }
                }
                if (i % 1000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        return file;
    }

    private record ImportRun(long id, String status, double seconds, int created, int updated, int unchanged, int failed,
                             String errors) {
    }

    /** Uploads the file and waits for its import to end, from the upload to the end (polled every 100 ms). */
    private ImportRun importFile(String token, Path file) throws Exception {
        Instant start = Instant.now();
        var started = new FileTransfer(http.base()).upload("/api/v1/customers/import", token, "bench.xlsx",
                Files.readAllBytes(file), Map.of());
        assertThat(started.status()).as("%s", started).isIn(200, 202);
        JsonNode record = started.json();
        long id = record.get("id").asLong();
        while (record.get("status").asString().equals("RUNNING")) {
            Thread.sleep(100);
            record = http.get("/api/v1/customers/imports/" + id, token).json();
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        String errors = record.has("errors") ? record.get("errors").toString() : "[]";
        return new ImportRun(id, record.get("status").asString(), seconds, record.get("created").asInt(),
                record.get("updated").asInt(), record.get("unchanged").asInt(), record.get("failed").asInt(),
                errors.substring(0, Math.min(errors.length(), 600)));
    }

    private record CopyBaseline(long customers, long history, double seconds, double databaseCpu) {
    }

    /**
     * COPY of the final rows of every customer the import touched and of the history rows it wrote, into the same
     * tables (same indexes, same triggers), as other customers: ids, codes and licences moved out of the way. The
     * text is rendered by the database beforehand, not timed; the transaction is rolled back after the timing.
     */
    private CopyBaseline copyBaseline(long importId) throws Exception {
        String source = "'IMPORT:" + importId + "'";
        String customerColumns = columns("customer");
        String customerSelect = customerColumns.replaceFirst("\\bid\\b", "id + 1000000000000")
                .replace("customer_code", "'8' || customer_code").replace("licence_no", "'8' || licence_no");
        String historyColumns = columns("customer_history").replaceFirst("\\bid, ", "");
        String historySelect = historyColumns.replace("customer_id", "customer_id + 1000000000000")
                .replace("customer_code", "'8' || customer_code");
        Path customers = Files.createTempFile("bench-copy-customers", ".txt");
        Path history = Files.createTempFile("bench-copy-history", ".txt");
        try (Connection con = dataSource.getConnection()) {
            var copy = con.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = Files.newOutputStream(customers)) {
                copy.copyOut("copy (select " + customerSelect + " from customer where id in "
                        + "(select customer_id from customer_history where source = " + source + ")) to stdout", out);
            }
            try (OutputStream out = Files.newOutputStream(history)) {
                copy.copyOut("copy (select " + historySelect + " from customer_history where source = " + source
                        + ") to stdout", out);
            }
            con.setAutoCommit(false);
            long backend = con.unwrap(PGConnection.class).getBackendPID();
            long[] cpuBefore = ProcessCpu.sample(backend);
            long t0 = System.nanoTime();
            long c;
            long h;
            try (var in = Files.newInputStream(customers); var in2 = Files.newInputStream(history)) {
                c = copy.copyIn("copy customer (" + customerColumns + ") from stdin", in);
                h = copy.copyIn("copy customer_history (" + historyColumns + ") from stdin", in2);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] cpu = ProcessCpu.since(cpuBefore, backend);
            con.rollback();
            return new CopyBaseline(c, h, seconds, cpu[1] / 1e9);
        } finally {
            Files.deleteIfExists(customers);
            Files.deleteIfExists(history);
        }
    }

    private String columns(String table) {
        return String.join(", ", jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = 'public' and table_name = ? and is_generated = 'NEVER' order by ordinal_position""",
                String.class, table));
    }

    // ---------------------------------------------------------------------------------------------------- table

    private void figure(String name, double value, double baseline, String target, boolean pass) {
        note(figures.figure(name, value, baseline, target, pass));
    }

    /**
     * Heap figures while the import runs: the heap in use right after each collection (what the JVM could not free),
     * its maximum over the import; and the heap in use including garbage, sampled.
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
