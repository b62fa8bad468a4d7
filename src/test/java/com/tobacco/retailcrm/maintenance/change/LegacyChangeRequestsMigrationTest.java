package com.tobacco.retailcrm.maintenance.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V83 on a database with requests raised before the engine ran them: the open ones are closed with the reason (an
 * applied one as completed), their open steps with them, and case ids — which new requests take — pass theirs.
 */
class LegacyChangeRequestsMigrationTest {

    @TempDir
    Path dir;

    @Test
    void requestsLeftOpenByTheOwnStepMachineryAreClosedAndCaseIdsPassTheirs() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setServerConfig("timezone", "UTC").start()) {
            var data = pg.getPostgresDatabase();
            Flyway.configure().dataSource(data).locations("classpath:db/migration").target("81").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(data);
            request(jdbc, 40, "OPEN");
            step(jdbc, 40, 1, "DONE");
            step(jdbc, 40, 2, "OPEN");
            request(jdbc, 41, "APPLIED");
            step(jdbc, 41, 1, "DONE");
            step(jdbc, 41, 2, "OPEN");
            request(jdbc, 42, "COMPLETED");
            step(jdbc, 42, 1, "DONE");

            Flyway.configure().dataSource(data).locations("classpath:db/migration").target("83").load().migrate();

            assertThat(jdbc.queryForList("select status from change_request order by id", String.class))
                    .containsExactly("REJECTED", "COMPLETED", "COMPLETED");
            assertThat(jdbc.queryForObject("select outcome from change_request where id = 40", String.class))
                    .contains("重新提交");
            assertThat(jdbc.queryForObject("select closed_at is not null from change_request where id = 41", Boolean.class))
                    .isTrue();
            assertThat(jdbc.queryForObject("select outcome from change_request where id = 42", String.class))
                    .as("a request that had ended is left as it was").isNull();
            assertThat(jdbc.queryForList("select request_id || ':' || seq || ':' || status from change_request_step "
                    + "order by request_id, seq", String.class))
                    .containsExactly("40:1:DONE", "40:2:REJECTED", "41:1:DONE", "41:2:DONE", "42:1:DONE");
            assertThat(jdbc.queryForObject("select nextval(pg_get_serial_sequence('wf_case', 'id'))", Long.class))
                    .as("the next case (and so the next request) id").isGreaterThan(42);
        }
    }

    private static void request(JdbcTemplate jdbc, long id, String status) {
        jdbc.update("insert into change_request (id, type, status, customer_code, requester, reason, created_at) "
                + "values (?, 'GENERAL', ?, '430100000001', 'zhangwei', '搬迁', ?)", id, status, Timestamp.from(Instant.now()));
    }

    private static void step(JdbcTemplate jdbc, long requestId, int seq, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into change_request_step (request_id, seq, step_key, candidate_role, created_at, due_at, status) "
                + "values (?, ?, 'COUNTY_CHECK', 'COUNTY_HEAD', ?, ?, ?)", requestId, seq, now, now, status);
    }
}
