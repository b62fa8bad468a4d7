package com.tobacco.retailcrm.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.backup.domain.BackupFile;
import com.tobacco.retailcrm.backup.domain.Backups;
import com.tobacco.retailcrm.customer.BenchmarkCustomers;
import com.tobacco.retailcrm.customer.domain.SensitiveDataCipher;
import com.tobacco.retailcrm.shared.infrastructure.EmbeddedPostgresServer;
import com.tobacco.retailcrm.support.StandaloneApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * 恢复演练 — not a unit test: {@code ./mvnw -B -Pbench test -Dtest=RestoreDrillBenchmark}. On the durable embedded
 * database of its own application: loads 300,000 customers (-Dbench.customers) with the benchmark's loader, takes a
 * full backup, destroys the database directory, runs the restore command, and compares every table's row count and
 * a checksum of its rows before and after; prints the times against the 2-hour RTO ([drill] lines, also written to
 * target/restore-drill-report.txt).
 */
@Tag("bench")
@EnabledIf("com.tobacco.retailcrm.support.StandaloneApp#onEmbeddedDatabase")
class RestoreDrillBenchmark {

    private static final Duration RTO = Duration.ofHours(2);

    private final List<String> report = new ArrayList<>();

    @Test
    void restoreDrill() throws Exception {
        int customers = Integer.getInteger("bench.customers", 300_000);
        Path dataDir = Files.createTempDirectory("crm-drill-");
        try {
            drill(dataDir, customers);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/restore-drill-report.txt"), report, StandardCharsets.UTF_8);
            report.forEach(line -> System.out.println("[drill] " + line));
        }
    }

    private void drill(Path dataDir, int customers) throws Exception {
        Map<String, String> before;
        String backupName;
        try (var app = StandaloneApp.start(dataDir, "Drill#Boot2026", "--crm.embedded-db.durable=true")) {
            var jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("insert into org_unit (code, name, type, parent_id) select 'DRILL', '演练县', 'COUNTY', id "
                    + "from org_unit where parent_id is null");
            long countyId = jdbc.queryForObject("select id from org_unit where code = 'DRILL'", Long.class);
            long t = System.nanoTime();
            new BenchmarkCustomers(app.getBean(DataSource.class), app.getBean(SensitiveDataCipher.class),
                    new Random(20261203)).load(customers, "7" + String.format("%03d", customers % 1000), countyId, "\\N");
            jdbc.execute("vacuum (analyze) customer");
            report.add(String.format("loaded %,d customers in %.1f s; database %s", customers, seconds(t),
                    jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class)));

            t = System.nanoTime();
            BackupFile backup = app.getBean(Backups.class).create();
            backupName = backup.name();
            report.add(String.format("full backup %s: %.1f s, %,d bytes, sha256 %s", backup.name(), seconds(t),
                    backup.sizeBytes(), backup.sha256()));

            before = checksums(jdbc);
            app.getBean(Backups.class).switchWal();
            Thread.sleep(3000); // the segment just closed is archived
        }

        FileSystemUtils.deleteRecursively(dataDir.resolve("pg"));
        report.add("database directory destroyed");

        long t = System.nanoTime();
        int exit = RestoreCommand.run(new String[] {"restore", backupName, "--crm.data-dir=" + dataDir}, System.out);
        Duration restore = Duration.ofNanos(System.nanoTime() - t);
        assertThat(exit).as("restore exit code").isZero();
        report.add(String.format("restore command: %.1f s (RTO %d h: %s)", restore.toMillis() / 1000.0, RTO.toHours(),
                restore.compareTo(RTO) <= 0 ? "met" : "MISSED"));

        Map<String, String> after;
        var server = EmbeddedPostgresServer.of(dataDir, dataDir.resolve("backups"), true);
        try (var postgres = server.start()) {
            var ds = new SingleConnectionDataSource(postgres.jdbcUrl(), true);
            after = checksums(new JdbcTemplate(ds));
            ds.destroy();
        }
        compare(before, after);
        assertThat(after).isEqualTo(before);
        assertThat(restore).isLessThanOrEqualTo(RTO);
    }

    /** Per table: row count and an order-independent sum of the rows' MD5s. */
    private static Map<String, String> checksums(JdbcTemplate jdbc) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = 'public' "
                + "order by tablename", String.class)) {
            sums.put(table, jdbc.queryForObject("select count(*) || ' rows, sum ' || coalesce(sum(('x' || "
                    + "substr(md5(t::text), 1, 15))::bit(60)::bigint), 0) from public.\"" + table + "\" t", String.class));
        }
        return sums;
    }

    private void compare(Map<String, String> before, Map<String, String> after) {
        int equal = 0;
        for (var e : before.entrySet()) {
            String restored = after.get(e.getKey());
            if (e.getValue().equals(restored)) {
                equal++;
            } else {
                report.add("DIFFERENT " + e.getKey() + ": before " + e.getValue() + ", after " + restored);
            }
        }
        report.add(String.format("%d of %d tables equal in row count and checksum (customer: %s)", equal,
                before.size(), after.get("customer")));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
