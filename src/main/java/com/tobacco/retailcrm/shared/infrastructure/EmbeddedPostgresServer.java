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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the embedded PostgreSQL is started, the same way by the application and by the restore command.
 *
 * <p>Durable: the library passes {@code -F} (fsync off, meant for throw-away test databases); a later {@code -c
 * fsync=on} overrides it, so a power cut cannot lose a committed customer. WAL archiving: every finished WAL segment
 * is copied into {@link #walArchive} (the daily increment between weekly full backups, and what point-in-time
 * recovery replays). Settings whose values hold paths go into {@value #CONF_FILE} in the data directory, rewritten
 * at every start and included from postgresql.conf: the library hands its {@code -c} options to a shell unquoted.
 *
 * @param dataDir    the cluster's data directory ({@code CRM_DATA_DIR/pg})
 * @param binaries   where the PostgreSQL binaries are unpacked
 * @param walArchive where finished WAL segments are archived; null: no archiving
 * @param durable    fsync, synchronous_commit and full_page_writes on (off only for throw-away test databases)
 */
public record EmbeddedPostgresServer(Path dataDir, Path binaries, Path walArchive, boolean durable) {

    /** The file, in the data directory, holding this application's server settings. */
    public static final String CONF_FILE = "crm-server.conf";

    private static final String INCLUDE = "include_if_exists '" + CONF_FILE + "'";

    /** The application's server: data in {@code <crmDataDir>/pg}, WAL archived into {@code <backupDir>/wal}. */
    public static EmbeddedPostgresServer of(Path crmDataDir, Path backupDir, boolean durable) {
        Path data = crmDataDir.toAbsolutePath();
        return new EmbeddedPostgresServer(data.resolve("pg"), data.resolve("pg-binaries"),
                backupDir.toAbsolutePath().resolve("wal"), durable);
    }

    /** Starts the server for normal use. */
    public EmbeddedPostgres start() throws IOException {
        return start(Map.of());
    }

    /**
     * Starts the server with extra settings in {@value #CONF_FILE} (the restore command's recovery settings); the
     * next normal start writes the file again without them.
     */
    public EmbeddedPostgres start(Map<String, String> extraSettings) throws IOException {
        Files.createDirectories(dataDir.getParent());
        Files.createDirectories(binaries);
        if (walArchive != null) {
            Files.createDirectories(walArchive);
        }
        Map<String, String> settings = new LinkedHashMap<>(archiveSettings());
        settings.putAll(extraSettings);
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
                .setDataDirectoryCustomizer(dir -> writeSettings(dir, settings))
                .setPGStartupWait(Duration.ofSeconds(120))
                .setPort(freePort())
                .start();
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
            try (var ignored = new EmbeddedPostgresServer(scratch.resolve("pg"), binaries, null, false).start()) {
                found = findProgram();
            } finally {
                org.springframework.util.FileSystemUtils.deleteRecursively(scratch);
            }
        }
        if (found == null) {
            throw new IOException("no PostgreSQL binaries under " + binaries);
        }
        return found;
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

    /** The archive settings of the running server (archive_mode, archive_command), for a server started by hand. */
    public Map<String, String> archiveSettings() {
        if (walArchive == null) {
            return Map.of("archive_mode", "off");
        }
        String dir = walArchive.toAbsolutePath().toString();
        // copy under a temporary name, then rename: a crash mid-copy never leaves a truncated segment under its
        // real name (which the "test ! -f" guard would then refuse to replace)
        String command = "test ! -f " + sh(dir + "/%f") + " && cp %p " + sh(dir + "/%f.part") + " && mv "
                + sh(dir + "/%f.part") + " " + sh(dir + "/%f");
        return Map.of("wal_level", "replica", "archive_mode", "on", "archive_command", command);
    }

    /** {@code cp} from the WAL archive: the restore_command of a recovery from this server's backups. */
    public String restoreCommand() {
        return "cp " + sh(walArchive.toAbsolutePath() + "/%f") + " %p";
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
