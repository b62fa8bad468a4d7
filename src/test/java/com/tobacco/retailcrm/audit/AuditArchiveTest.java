package com.tobacco.retailcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.audit.archive.AuditArchive;
import com.tobacco.retailcrm.audit.archive.AuditArchiveJob;
import com.tobacco.retailcrm.support.ApiTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * Events older than the retention (at least 180 days) move to the archive whole, never edited, and the count adds up
 * (issue 17, point 4; docs/domain/organisation-and-security.md: kept at least 6 months, not editable by anyone).
 */
class AuditArchiveTest extends ApiTest {

    private static final String COLUMNS = "id, occurred_at, actor, source_ip, action, target_type, target_id, "
            + "customer_code, outcome, detail";

    @Autowired
    AuditArchiveJob job;

    @Autowired
    AuditArchive archive;

    private long event(Instant at, String marker) {
        return jdbc.queryForObject("insert into audit_event (occurred_at, actor, source_ip, action, target_type, "
                + "target_id, customer_code, outcome, detail) values (?, 'archtest', '10.0.0.1', 'CUSTOMER_CHANGED', "
                + "'CUSTOMER', ?, ?, 'SUCCESS', ?) returning id", Long.class, Timestamp.from(at), marker, marker,
                "fields=storeName marker=" + marker);
    }

    private List<Map<String, Object>> rows(String table, List<Long> ids) {
        return jdbc.queryForList("select " + COLUMNS + " from " + table + " where id = any(?) order by id",
                (Object) ids.toArray(Long[]::new));
    }

    private long total() {
        return jdbc.queryForObject("select (select count(*) from audit_event) + (select count(*) from audit_event_archive)",
                Long.class);
    }

    @Test
    void eventsOlderThanTheRetentionMoveWholeToTheArchiveAndTheCountAddsUp() {
        assertThat(archive.retention()).isGreaterThanOrEqualTo(Duration.ofDays(180));
        Instant now = clock.instant();
        List<Long> old = List.of(event(now.minus(Duration.ofDays(400)), "old1"),
                event(now.minus(Duration.ofDays(181)), "old2"));
        long youngId = event(now.minus(Duration.ofDays(179)), "young");
        List<Long> young = List.of(youngId);
        var oldBefore = rows("audit_event", old);
        var youngBefore = rows("audit_event", young);
        long before = total();

        assertThat(job.runNow()).hasValueSatisfying(moved -> assertThat(moved).isGreaterThanOrEqualTo(2));
        assertThat(rows("audit_event_archive", old)).isEqualTo(oldBefore);
        assertThat(rows("audit_event", old)).isEmpty();
        assertThat(rows("audit_event", young)).isEqualTo(youngBefore);
        assertThat(total()).as("every event is in one table or the other; plus the run's own record")
                .isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select detail from audit_event where action = 'AUDIT_ARCHIVE_RUN' "
                + "order by id desc limit 1", String.class)).startsWith("moved=");

        clock.advance(Duration.ofDays(2));
        long beforeSecond = total();
        job.runNow();
        assertThat(rows("audit_event_archive", young)).as("once past the retention it moves too").isEqualTo(youngBefore);
        assertThat(total()).isEqualTo(beforeSecond + 1);
    }

    @Test
    void nobodyEditsTheLogOrTheArchiveNorDeletesAnEventThatIsNotArchived() {
        long live = event(clock.instant(), "live");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", live))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_event set detail = 'x' where id = ?", live))
                .isInstanceOf(DataAccessException.class);
        long gone = event(clock.instant().minus(Duration.ofDays(500)), "gone");
        job.runNow();
        assertThat(rows("audit_event_archive", List.of(gone))).hasSize(1);
        assertThatThrownBy(() -> jdbc.update("update audit_event_archive set detail = 'x' where id = ?", gone))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from audit_event_archive where id = ?", gone))
                .isInstanceOf(DataAccessException.class);
        // a copy that differs from the event does not let the event go
        // (dated far ahead so that no later run of the job meets it)
        long tampered = event(clock.instant().plus(Duration.ofDays(3650)), "tampered");
        jdbc.update("insert into audit_event_archive (" + COLUMNS + ") select id, occurred_at, actor, source_ip, action, "
                + "target_type, target_id, customer_code, outcome, 'altered' from audit_event where id = ?", tampered);
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", tampered))
                .isInstanceOf(DataAccessException.class);
    }
}
