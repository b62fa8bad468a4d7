package com.tobacco.retailcrm.backup.domain;

import java.time.Instant;

/**
 * 备份文件 — one full backup in {@code CRM_BACKUP_DIR}: a zip with the database and the uploaded files, and beside it
 * {@code <name>.sha256} (sha256sum format) written when the zip was complete.
 *
 * @param name      file name, {@code crm-<UTC time>.zip}
 * @param kind      {@code BASE} (embedded server: data directory plus the WAL it needs) or {@code DUMP} (pg_dump)
 * @param createdAt when the backup finished: the earliest instant it can be restored to
 * @param sizeBytes size of the zip
 * @param sha256    its SHA-256, hex
 */
public record BackupFile(String name, String kind, Instant createdAt, long sizeBytes, String sha256) {
}
