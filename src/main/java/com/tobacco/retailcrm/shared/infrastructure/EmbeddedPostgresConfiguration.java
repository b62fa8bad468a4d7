package com.tobacco.retailcrm.shared.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so that the system runs on a
 * fresh machine with nothing installed. Its data lives under {@code CRM_DATA_DIR/pg} and is kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The application's embedded server: data in {@code CRM_DATA_DIR/pg}, WAL archived beside the backups. */
    @Bean
    EmbeddedPostgresServer embeddedPostgresServer(CrmProperties properties, @Value("${crm.backup.dir}") Path backupDir,
                                                  @Value("${crm.embedded-db.durable:true}") boolean durable,
                                                  Environment environment) {
        Map<String, String> settings = Binder.get(environment)
                .bind("crm.embedded-db.settings", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return EmbeddedPostgresServer.of(properties.dataDir(), backupDir, durable).tunedWith(settings);
    }

    /**
     * Closed by the context after every bean that uses the data source (the web server, the workflow engine, the
     * scheduler), so on SIGTERM the database is the last thing to stop.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer.Running embeddedPostgres(EmbeddedPostgresServer server) throws IOException {
        log.info("Starting embedded PostgreSQL with data in {} ({}), WAL archived under {}", server.dataDir(),
                server.durable() ? "durable: fsync on" : "NOT durable: fsync off, for tests only", server.walArchive());
        return server.start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer.Running postgres) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.jdbcUrl());
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        ds.setPoolName("crm-embedded");
        // one multi-row INSERT per JDBC batch instead of one statement per row: the bulk import's main cost
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        return ds;
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
