package com.tobacco.retailcrm.shared.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so that the system runs on a
 * fresh machine with nothing installed. Its data lives under {@code CRM_DATA_DIR/pg} and is kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(CrmProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().resolve("pg");
        Path workDir = properties.dataDir().toAbsolutePath().resolve("pg-binaries");
        Files.createDirectories(dataDir.getParent());
        Files.createDirectories(workDir);
        log.info("Starting embedded PostgreSQL with data in {}", dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setOverrideWorkingDirectory(workDir.toFile())
                // Keep the data: the embedded database is the system's real store when no server is configured.
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("timezone", "UTC")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setPort(freePort())
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        ds.setPoolName("crm-embedded");
        // one multi-row INSERT per JDBC batch instead of one statement per row: the bulk import's main cost
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        return ds;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only when no server is named. ({@code @ConditionalOnProperty(havingValue = "")} matched any URL: an empty
     * havingValue means "not false", so the embedded database silently replaced a configured server.)
     */
    static class NoDataSourceUrl implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return !org.springframework.util.StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
