package com.tobacco.retailcrm.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.backup.domain.BackupFile;
import com.tobacco.retailcrm.backup.domain.Backups;
import com.tobacco.retailcrm.support.StandaloneApp;
import com.tobacco.retailcrm.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Backup → destroy → restore on a configured PostgreSQL server (issue 17, point 5): the backup is a pg_dump of the
 * server's database plus the uploaded files; {@code restore} drops the schema and loads the dump, so the database is
 * exactly as it was at the backup, whatever was written after it. Runs in the external-server profile, on a database
 * of its own on that server, so the suite's database is not touched.
 */
@DisabledIf("com.tobacco.retailcrm.support.StandaloneApp#onEmbeddedDatabase")
class ExternalBackupRestoreTest {

    private static final String BOOTSTRAP = "Backup#Boot2026";

    @Test
    void aDumpOfTheServerRestoredBringsBackTheDatabaseAsAtTheBackupAndTheFiles() throws Exception {
        String database = "crm_backup_drill";
        String url = serverUrl(database);
        recreate(database);
        Path dataDir = Files.createTempDirectory("crm-backup-external-");
        byte[] photo = "a photo's bytes".getBytes(StandardCharsets.UTF_8);
        try {
            String backupName;
            try (var app = StandaloneApp.startOn(url, dataDir, BOOTSTRAP)) {
                var jdbc = app.getBean(JdbcTemplate.class);
                BackupRestoreTest.orgUnit(jdbc, "EXTBK-A");
                Files.createDirectories(dataDir.resolve("photos/cd"));
                Files.write(dataDir.resolve("photos/cd/cdef01"), photo);
                BackupFile made = app.getBean(Backups.class).create();
                assertThat(made.kind()).isEqualTo("DUMP");
                backupName = made.name();
                BackupRestoreTest.orgUnit(jdbc, "EXTBK-B"); // after the backup: gone once it is restored
            }
            FileSystemUtils.deleteRecursively(dataDir.resolve("photos"));

            var out = new ByteArrayOutputStream();
            int code = RestoreCommand.run(new String[] {"restore", backupName, "--crm.data-dir=" + dataDir,
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + System.getProperty("crm.test.db.user", "postgres"),
                    "--spring.datasource.password=" + System.getProperty("crm.test.db.password", "")},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(code).as("%s", out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(units(url)).containsExactly("EXTBK-A");
            assertThat(Files.readAllBytes(dataDir.resolve("photos/cd/cdef01"))).isEqualTo(photo);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
            drop(database);
        }
    }

    /** The suite's server URL with another database name (and the same parameters). */
    private static String serverUrl(String database) {
        return TestDatabase.withDatabase(System.getProperty("crm.test.db.url"), database);
    }

    private static Connection server() throws SQLException {
        return DriverManager.getConnection(System.getProperty("crm.test.db.url"),
                System.getProperty("crm.test.db.user", "postgres"), System.getProperty("crm.test.db.password", ""));
    }

    private static void recreate(String database) throws SQLException {
        drop(database);
        try (Connection c = server(); var st = c.createStatement()) {
            st.execute("create database " + database);
        }
    }

    private static void drop(String database) throws SQLException {
        try (Connection c = server(); var st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
        }
    }

    private static List<String> units(String url) {
        var ds = new SingleConnectionDataSource(url, System.getProperty("crm.test.db.user", "postgres"),
                System.getProperty("crm.test.db.password", ""), true);
        try {
            return new JdbcTemplate(ds).queryForList("select code from org_unit where code like 'EXTBK-%' order by code",
                    String.class);
        } finally {
            ds.destroy();
        }
    }
}
