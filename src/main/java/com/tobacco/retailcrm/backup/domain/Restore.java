package com.tobacco.retailcrm.backup.domain;

import com.tobacco.retailcrm.shared.infrastructure.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * 恢复 — rebuilds the database from a full backup, with the application stopped. Embedded server: the data
 * directory is set aside (renamed, never deleted), the backup's files put in its place, and PostgreSQL replays the
 * archived WAL up to {@code until} (or to the end of the archive) and is promoted; then the uploaded files are put
 * back. Configured server: the schema is dropped and pg_restore loads the dump.
 */
public final class Restore {

    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** PostgreSQL's timestamptz input (it does not take ISO-8601's "T" and "Z"). */
    private static final DateTimeFormatter TARGET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'")
            .withZone(ZoneOffset.UTC);

    private final BackupSettings settings;
    private final Path dataDir;
    private final PrintStream out;

    public Restore(BackupSettings settings, Path dataDir, PrintStream out) {
        this.settings = settings;
        this.dataDir = dataDir.toAbsolutePath();
        this.out = out;
    }

    /** The backup named on the command line: a path, or a file name in {@code CRM_BACKUP_DIR}. */
    public Path locate(String backup) throws IOException {
        Path given = Path.of(backup);
        Path zip = Files.exists(given) ? given : settings.dir().resolve(backup);
        if (!Files.isRegularFile(zip)) {
            throw new NoSuchFileException(backup, null, "no such backup (looked in " + settings.dir() + ")");
        }
        return zip.toAbsolutePath();
    }

    /** Checks the backup against the checksum written with it; returns its manifest. */
    public Properties verify(Path zip) throws IOException {
        String recorded = BackupZip.recordedSha256(zip);
        if (recorded == null) {
            throw new IOException("no checksum file " + BackupZip.checksumFile(zip) + ": the backup may be incomplete");
        }
        String actual = BackupZip.sha256(zip);
        if (!actual.equalsIgnoreCase(recorded)) {
            throw new IOException("checksum mismatch: " + zip + " has SHA-256 " + actual + ", recorded " + recorded);
        }
        out.println("Checksum OK: " + actual);
        return BackupZip.manifest(zip);
    }

    public void embedded(EmbeddedPostgresServer server, Path zip, Instant until) throws IOException, SQLException {
        Properties manifest = verify(zip);
        if (!"BASE".equals(manifest.getProperty("kind"))) {
            throw new IOException(zip + " is a dump of a configured server; set SPRING_DATASOURCE_URL to restore it there");
        }
        Instant created = Instant.parse(manifest.getProperty("createdAt"));
        if (until != null && until.isBefore(created)) {
            throw new IOException("--until " + until + " is before this backup was completed (" + created
                    + "): restore an older backup");
        }
        Path pg = server.dataDir();
        refuseWhileRunning(pg);
        setAside(pg);
        int files = BackupZip.extract(zip, "pg", pg);
        Files.createDirectories(pg.resolve("pg_wal").resolve("archive_status"));
        ownerOnly(pg);
        Files.createFile(pg.resolve("recovery.signal"));
        out.println("Database files of the backup restored into " + pg + " (" + files + " files); replaying WAL "
                + (until == null ? "to the end of the archive" : "up to " + until));
        recover(server, until);
        restoreFiles(zip);
    }

    public void external(String url, String username, String password, Path zip) throws IOException, SQLException {
        var client = new PgClient(url, username, password);
        Properties manifest = verify(zip);
        if (!"DUMP".equals(manifest.getProperty("kind"))) {
            throw new IOException(zip + " is a backup of the embedded database; unset SPRING_DATASOURCE_URL to restore it");
        }
        Path dump = Files.createTempFile("crm-restore-", ".dump");
        try {
            try (var zf = new java.util.zip.ZipFile(zip.toFile()); var in = zf.getInputStream(zf.getEntry("db.dump"))) {
                Files.copy(in, dump, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (Connection c = DriverManager.getConnection(client.jdbcUrl(), client.username(), client.password());
                 var st = c.createStatement()) {
                // the schema exactly as it was: what later migrations or the engine added since goes too
                st.execute("drop schema if exists public cascade");
                st.execute("create schema public");
            }
            client.restore(settings.pgRestore(), dump);
        } finally {
            Files.deleteIfExists(dump);
        }
        out.println("Database restored from the dump into " + client.uri());
        restoreFiles(zip);
    }

    private void restoreFiles(Path zip) throws IOException {
        int files = BackupZip.extract(zip, UploadedFiles.PREFIX, dataDir);
        out.println("Uploaded files restored into " + dataDir + " (" + files + " files)");
    }

    /** The application (or a server left running) holds the library's lock and postmaster.pid names a live process. */
    private static void refuseWhileRunning(Path pg) throws IOException {
        Path pid = pg.resolve("postmaster.pid");
        if (Files.exists(pid)) {
            String first = Files.readAllLines(pid).stream().findFirst().orElse("").strip();
            if (!first.isEmpty() && ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IOException("PostgreSQL (pid " + first + ") is running on " + pg + ": stop the application first");
            }
        }
        Path lock = pg.resolve("epg-lock");
        if (Files.exists(lock)) {
            try (var channel = FileChannel.open(lock, StandardOpenOption.WRITE); var held = channel.tryLock()) {
                if (held == null) {
                    throw new IOException("the application is running on " + pg + ": stop it first");
                }
            }
        }
    }

    private void setAside(Path pg) throws IOException {
        if (Files.exists(pg)) {
            Path aside = pg.resolveSibling(pg.getFileName() + ".before-restore-" + ASIDE.format(Instant.now()));
            Files.move(pg, aside);
            out.println("The current database directory was moved to " + aside + " (delete it once the restore is checked)");
        }
        Files.createDirectories(pg);
    }

    private static void ownerOnly(Path pg) throws IOException {
        if (pg.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(pg, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Runs PostgreSQL on the restored directory until recovery has ended and it is promoted, then stops it. */
    private void recover(EmbeddedPostgresServer server, Instant until) throws IOException, SQLException {
        int port = freePort();
        Map<String, String> config = new LinkedHashMap<>(server.serverSettings());
        config.putAll(server.archiveSettings());
        config.put("listen_addresses", "localhost");
        config.put("restore_command", server.restoreCommand());
        config.put("recovery_target_action", "promote");
        if (until != null) {
            config.put("recovery_target_time", TARGET_TIME.format(until));
        }
        List<String> command = new ArrayList<>(server.postgresCommand());
        command.addAll(List.of("-D", server.dataDir().toString(), "-p", String.valueOf(port)));
        config.forEach((k, v) -> command.addAll(List.of("-c", k + "=" + v)));
        Files.createDirectories(settings.dir());
        Path log = settings.dir().resolve("restore-" + ASIDE.format(Instant.now()) + ".log");
        Process postgres = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        out.println("PostgreSQL recovering (log: " + log + ")");
        try {
            waitForPromotion(postgres, port, log);
        } finally {
            postgres.destroy(); // SIGTERM: smart shutdown, with a checkpoint
            try {
                if (!postgres.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
                    postgres.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        out.println("Recovery complete; the database was stopped cleanly. Start the application as usual.");
    }

    private void waitForPromotion(Process postgres, int port, Path log) throws IOException, SQLException {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&connectTimeout=5";
        long deadline = System.nanoTime() + Duration.ofHours(12).toNanos();
        while (System.nanoTime() < deadline) {
            if (!postgres.isAlive()) {
                throw new IOException("PostgreSQL stopped during recovery (exit " + postgres.exitValue() + "):\n"
                        + tail(log));
            }
            try (Connection c = DriverManager.getConnection(url); var st = c.createStatement();
                 var rs = st.executeQuery("select pg_is_in_recovery()")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    st.execute("checkpoint");
                    return;
                }
            } catch (SQLException starting) {
                // not accepting connections until it is consistent
            }
            sleep();
        }
        throw new IOException("recovery did not finish within 12 hours");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
