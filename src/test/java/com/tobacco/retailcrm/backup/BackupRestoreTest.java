package com.tobacco.retailcrm.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.backup.domain.BackupFile;
import com.tobacco.retailcrm.backup.domain.Backups;
import com.tobacco.retailcrm.shared.infrastructure.EmbeddedPostgresServer;
import com.tobacco.retailcrm.support.StandaloneApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Backup → destroy → restore on the embedded database (issue 17, point 5): a full backup, more changes
 * after it, the database directory and the uploaded files destroyed, then the {@code restore} command run as an
 * operator would — once to the end of the WAL archive, once to an instant between two changes. Starts its own
 * application on its own data directory; only on the embedded database.
 */
@EnabledIf("com.tobacco.retailcrm.support.StandaloneApp#onEmbeddedDatabase")
class BackupRestoreTest {

    private static final String BOOTSTRAP = "Backup#Boot2026";

    @Test
    void backupThenDestroyThenRestoreBringsBackTheDataAndFilesToTheEndOrToAnInstant() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-backup-");
        try {
            roundTrip(dataDir);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private void roundTrip(Path dataDir) throws Exception {
        String prefix = "BK" + System.nanoTime() % 100_000;
        String backupName;
        Instant between;
        byte[] photo = "a photo's bytes".getBytes(StandardCharsets.UTF_8);
        try (var app = StandaloneApp.start(dataDir, BOOTSTRAP)) {
            var jdbc = app.getBean(JdbcTemplate.class);
            orgUnit(jdbc, prefix + "A");
            Files.createDirectories(dataDir.resolve("photos/ab"));
            Files.write(dataDir.resolve("photos/ab/abcdef"), photo);

            BackupFile made = app.getBean(Backups.class).create();
            backupName = made.name();
            Path zip = dataDir.resolve("backups").resolve(backupName);
            assertThat(made.sha256()).isEqualTo(sha256(zip));
            assertThat(made.sizeBytes()).isEqualTo(Files.size(zip));
            assertBackupHoldsNoKey(zip, dataDir);

            orgUnit(jdbc, prefix + "B");
            Thread.sleep(1100);
            between = jdbc.queryForObject("select clock_timestamp()", java.sql.Timestamp.class).toInstant();
            Thread.sleep(1100);
            orgUnit(jdbc, prefix + "C");
            // the current WAL segment closed and archived, as the daily job does
            app.getBean(Backups.class).switchWal();
            waitForArchive(jdbc);
        }

        destroy(dataDir);
        assertThat(restore(dataDir, backupName)).isZero();
        assertThat(unitsAfterRestart(dataDir, prefix)).containsExactly(prefix + "A", prefix + "B", prefix + "C");
        assertThat(Files.readAllBytes(dataDir.resolve("photos/ab/abcdef"))).isEqualTo(photo);

        // Then back to the instant between B and C. (The other way round, a restore "to the end" would follow the
        // newest timeline, the one the point-in-time restore started, where C never happened: PostgreSQL's rule.)
        destroy(dataDir);
        assertThat(restore(dataDir, backupName, "--until", between.toString())).isZero();
        assertThat(unitsAfterRestart(dataDir, prefix)).containsExactly(prefix + "A", prefix + "B");
    }

    @Test
    void restoreRefusesABackupWhoseChecksumDoesNotMatch() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-backup-bad-");
        try {
            Path backups = Files.createDirectories(dataDir.resolve("backups"));
            Files.writeString(backups.resolve("crm-x.zip"), "not a zip");
            Files.writeString(backups.resolve("crm-x.zip.sha256"), "00  crm-x.zip\n");
            var out = new ByteArrayOutputStream();
            int code = RestoreCommand.run(new String[] {"restore", "crm-x.zip", "--crm.data-dir=" + dataDir},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("checksum mismatch");
            assertThat(dataDir.resolve("pg")).doesNotExist();
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** The data key is never written beside the data it protects. */
    private static void assertBackupHoldsNoKey(Path zip, Path dataDir) throws Exception {
        String key = Files.readString(dataDir.resolve("keys/data.key")).strip();
        try (var zf = new ZipFile(zip.toFile())) {
            List<String> names = Collections.list(zf.entries()).stream().map(e -> e.getName()).toList();
            assertThat(names).contains("files/photos/ab/abcdef", "pg/backup_label", "manifest.properties")
                    .noneMatch(n -> n.contains("keys/") || n.endsWith(".key"));
        }
        assertThat(Files.readAllBytes(zip)).asString(StandardCharsets.ISO_8859_1).doesNotContain(key);
    }

    private static void destroy(Path dataDir) {
        FileSystemUtils.deleteRecursively(dataDir.resolve("pg").toFile());
        FileSystemUtils.deleteRecursively(dataDir.resolve("photos").toFile());
        try (var dirs = Files.list(dataDir)) {
            dirs.filter(d -> d.getFileName().toString().startsWith("pg.before-restore"))
                    .forEach(d -> FileSystemUtils.deleteRecursively(d.toFile()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int restore(Path dataDir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "restore";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--crm.data-dir=" + dataDir;
        return RestoreCommand.run(all, System.out);
    }

    /** What the restored database holds, read from the bare server (the application's start is tested elsewhere). */
    private static List<String> unitsAfterRestart(Path dataDir, String prefix) throws Exception {
        try (var postgres = EmbeddedPostgresServer.of(dataDir, dataDir.resolve("backups"), false).start()) {
            var ds = new SingleConnectionDataSource(postgres.jdbcUrl(), true);
            try {
                return new JdbcTemplate(ds).queryForList("select code from org_unit where code like ? order by code",
                        String.class, prefix + "%");
            } finally {
                ds.destroy();
            }
        }
    }

    private static void waitForArchive(JdbcTemplate jdbc) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Boolean done = jdbc.queryForObject("select last_archived_wal is not null and failed_count = 0 "
                    + "and (last_archived_time > now() - interval '10 seconds') from pg_stat_archiver", Boolean.class);
            if (Boolean.TRUE.equals(done)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** A county under the company, the row both backup tests write before and after the backup. */
    static void orgUnit(JdbcTemplate jdbc, String code) {
        jdbc.update("insert into org_unit (code, name, type, parent_id) select ?, ?, 'COUNTY', id from org_unit "
                + "where parent_id is null", code, "备份县" + code);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
