package com.tobacco.retailcrm.backup.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * 全量备份（内嵌库） — PostgreSQL's low-level base backup of the embedded server: {@code pg_backup_start}, a copy of
 * the data directory while the system keeps running, {@code pg_backup_stop}, then the WAL segments written meanwhile
 * (taken from the WAL archive) so the backup restores on its own; later archived WAL replays it forward to any
 * instant. The zonky binaries have no pg_basebackup, and the machine's pg_basebackup/pg_dump are of an older major
 * version, which cannot read a PostgreSQL 17 server: the SQL functions need nothing but the server itself.
 */
final class BaseBackup {

    /** What PostgreSQL's documentation says to leave out of a base backup: the contents of these directories... */
    private static final Set<String> EMPTY_DIRS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** ...and these files of the top directory (plus the library's lock and our settings, rewritten at start). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "current_logfiles", "epg-lock", "crm-server.conf");
    private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");
    static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");

    private BaseBackup() {
    }

    static void write(BackupZip zip, DataSource dataSource, Path dataDir, Path walArchive, String label,
                      Properties manifest) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            connection.setAutoCommit(true);
            // fast: an immediate checkpoint, so the backup starts now rather than at the next scheduled checkpoint
            st.execute("select pg_backup_start('" + label.replace("'", "") + "', true)");
            try {
                zip.addTree(dataDir, "pg", inBackup(dataDir));
            } catch (IOException | RuntimeException e) {
                st.execute("select pg_backup_stop(false)");
                throw e;
            }
            String labelFile;
            String stopWal;
            try (var rs = st.executeQuery("select labelfile, spcmapfile, pg_walfile_name(lsn), "
                    + "(select timeline_id from pg_control_checkpoint()) from pg_backup_stop(true)")) {
                rs.next();
                labelFile = rs.getString(1);
                zip.addText("pg/backup_label", labelFile);
                if (rs.getString(2) != null && !rs.getString(2).isBlank()) {
                    zip.addText("pg/tablespace_map", rs.getString(2));
                }
                stopWal = rs.getString(3);
                manifest.setProperty("timeline", rs.getString(4));
            }
            String startWal = startWal(labelFile);
            manifest.setProperty("startWal", startWal);
            manifest.setProperty("stopWal", stopWal);
            addWal(zip, walArchive, startWal, stopWal);
        }
    }

    private static Predicate<Path> inBackup(Path dataDir) {
        return path -> {
            Path relative = dataDir.relativize(path);
            String name = path.getFileName().toString();
            if (name.startsWith("pgsql_tmp")) {
                return false;
            }
            if (Files.isDirectory(path)) {
                return true;
            }
            if (relative.getNameCount() == 1) {
                return !SKIPPED_FILES.contains(name);
            }
            return !EMPTY_DIRS.contains(relative.getName(0).toString());
        };
    }

    static String startWal(String labelFile) {
        Matcher m = START_WAL.matcher(labelFile);
        if (!m.find()) {
            throw new IllegalStateException("unexpected backup label: " + labelFile);
        }
        return m.group(1);
    }

    /** The archived segments from the backup's start to its stop, and every timeline history, into pg/pg_wal. */
    private static void addWal(BackupZip zip, Path walArchive, String startWal, String stopWal) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(walArchive)) {
            segments = files.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".history") || (SEGMENT.matcher(n).matches()
                        && n.substring(0, 8).equals(startWal.substring(0, 8))
                        && n.compareTo(startWal) >= 0 && n.compareTo(stopWal) <= 0);
            }).sorted().toList();
        }
        if (segments.stream().noneMatch(f -> f.getFileName().toString().equals(stopWal))) {
            throw new IOException("WAL segment " + stopWal + " is not in the archive " + walArchive);
        }
        for (Path segment : segments) {
            zip.addFile("pg/pg_wal/" + segment.getFileName(), segment);
        }
    }
}
