package com.tobacco.retailcrm.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.StandaloneApp;
import java.nio.file.Files;
import java.nio.file.Path;
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
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
