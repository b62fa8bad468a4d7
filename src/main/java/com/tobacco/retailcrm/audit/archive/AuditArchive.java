package com.tobacco.retailcrm.audit.archive;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 审计归档 — moves the events older than the retention ({@code crm.audit.retention-days}, at least 180 days, the
 * 6 months of docs/domain/organisation-and-security.md) from the live log to {@code audit_event_archive}, whole and with their ids. Batches
 * of {@value #BATCH}, each copied then deleted in one transaction; the database refuses to delete an event whose
 * identical copy is not already in the archive (V180), so a move can neither lose nor alter one.
 */
@Component
public class AuditArchive {

    /** The least retention the rules allow: at least 6 months. A smaller setting is raised to it. */
    public static final int MIN_RETENTION_DAYS = 180;
    private static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(AuditArchive.class);
    private static final String COLUMNS = "id, occurred_at, actor, source_ip, action, target_type, target_id, "
            + "customer_code, outcome, detail";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final int retentionDays;

    AuditArchive(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditLog audit, Clock clock,
                 @Value("${crm.audit.retention-days:180}") int retentionDays) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
        if (retentionDays < MIN_RETENTION_DAYS) {
            log.warn("crm.audit.retention-days={} is below the minimum of {} days: keeping {} days", retentionDays,
                    MIN_RETENTION_DAYS, MIN_RETENTION_DAYS);
        }
        this.retentionDays = Math.max(retentionDays, MIN_RETENTION_DAYS);
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    /** Moves every event older than the retention; the number moved. Recorded in the log itself. */
    public long archiveDue() {
        Instant cutoff = clock.instant().minus(retention());
        long moved = 0;
        int batch;
        do {
            batch = tx.execute(s -> moveBatch(cutoff));
            moved += batch;
        } while (batch == BATCH);
        audit.record(AuditEntry.of("AUDIT_ARCHIVE_RUN", "AUDIT_LOG", null)
                .detail("moved=" + moved + " before=" + cutoff + " retentionDays=" + retentionDays).as("system"));
        if (moved > 0) {
            log.info("Moved {} audit event(s) older than {} to the archive", moved, cutoff);
        }
        return moved;
    }

    private int moveBatch(Instant cutoff) {
        List<Long> ids = jdbc.queryForList("select id from audit_event where occurred_at < ? order by id limit ?",
                Long.class, Timestamp.from(cutoff), BATCH);
        if (ids.isEmpty()) {
            return 0;
        }
        Long[] idArray = ids.toArray(Long[]::new);
        int copied = jdbc.update("insert into audit_event_archive (" + COLUMNS + ", archived_at) select " + COLUMNS
                + ", ? from audit_event where id = any(?)", ps -> {
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    Array array = ps.getConnection().createArrayOf("bigint", idArray);
                    ps.setArray(2, array);
                });
        int deleted = jdbc.update("delete from audit_event where id = any(?)", ps ->
                ps.setArray(1, ps.getConnection().createArrayOf("bigint", idArray)));
        if (copied != ids.size() || deleted != copied) {
            throw new IllegalStateException("audit archive batch: " + ids.size() + " selected, " + copied
                    + " copied, " + deleted + " deleted");
        }
        return deleted;
    }
}
