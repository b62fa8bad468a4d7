package com.tobacco.retailcrm.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.support.StandaloneApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The application's embedded PostgreSQL writes every commit to disk (issue 17, point 10): the library starts its
 * servers with fsync off, which a power cut turns into lost customers. Started with the production setting (the test
 * suite's own databases skip fsync through src/test/resources/config/application.properties).
 */
@EnabledIf("com.tobacco.retailcrm.support.StandaloneApp#onEmbeddedDatabase")
class EmbeddedDatabaseIsDurableTest {

    @Test
    void embeddedDatabaseRunsWithFsyncSynchronousCommitAndFullPageWrites() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-durable-");
        try (var app = StandaloneApp.start(dataDir, "Durable#Boot2026", "--crm.embedded-db.durable=true")) {
            var jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show archive_mode", String.class))
                    .as("every WAL segment archived for the backups").isEqualTo("on");
            assertThat(jdbc.queryForObject("show shared_buffers", String.class))
                    .as("crm.embedded-db.settings: the archive fits in the database's own cache").isEqualTo("512MB");
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Test
    void furtherSettingsCannotTurnDurabilityOffNorChangeWhatTheApplicationSetsItself() {
        var server = EmbeddedPostgresServer.of(Path.of("data"), Path.of("backups"), true);
        assertThatThrownBy(() -> server.tunedWith(Map.of("fsync", "off")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crm.embedded-db.durable");
        assertThatThrownBy(() -> server.tunedWith(Map.of("synchronous_commit", "off")))
                .isInstanceOf(IllegalArgumentException.class);
        for (String own : List.of("max_connections", "archive_mode", "wal_level")) {
            assertThatThrownBy(() -> server.tunedWith(Map.of(own, "1"))).as(own)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(own);
        }
        assertThat(server.tunedWith(Map.of("shared_buffers", "1GB")).serverSettings())
                .containsEntry("shared_buffers", "1GB").containsEntry("fsync", "on");
    }
}
