package com.tobacco.retailcrm.backup.domain;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crm.backup.*}: where backups go ({@code CRM_BACKUP_DIR}), how many full backups are kept, and the PostgreSQL
 * client programs used for a configured (not embedded) server.
 */
@ConfigurationProperties(prefix = "crm.backup")
public record BackupSettings(Path dir, int keep, String pgDump, String pgRestore) {

    public BackupSettings {
        dir = dir == null ? Path.of("data", "backups") : dir.toAbsolutePath();
        keep = keep <= 0 ? 5 : keep;
        pgDump = pgDump == null || pgDump.isBlank() ? "pg_dump" : pgDump;
        pgRestore = pgRestore == null || pgRestore.isBlank() ? "pg_restore" : pgRestore;
    }

    /** Where the embedded server archives its WAL, a folder per cluster (see EmbeddedPostgresServer). */
    public Path walArchive() {
        return dir.resolve("wal");
    }
}
