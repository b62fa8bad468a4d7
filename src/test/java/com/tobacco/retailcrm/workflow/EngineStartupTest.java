package com.tobacco.retailcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.RetailCrmApplication;
import com.tobacco.retailcrm.support.TemporaryDataDirectories;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine creates its tables only after Flyway: a start on an EMPTY database migrates first (Flyway would refuse
 * a schema the engine had already filled), and a restart on the same data finds both and changes nothing. Runs its
 * own application twice, on a fresh embedded data directory or, with {@code -Pexternal-pg}, on a fresh database it
 * creates (and drops) on that server.
 */
class EngineStartupTest {

    @Test
    void engineStartsAfterFlywayOnAnEmptyDatabaseAndAgainOnRestart() throws Exception {
        String server = System.getProperty("crm.test.db.url", "");
        String user = System.getProperty("crm.test.db.user", "postgres");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--crm.bootstrap-password=Bootstrap#2026",
                "--crm.calendar.seed=false", "--spring.main.banner-mode=off"));
        String database = null;
        if (server.isBlank()) {
            Path dir = TemporaryDataDirectories.create("crm-engine-");
            args.add("--crm.data-dir=" + dir);
        } else {
            database = "crm_engine_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            admin(server, user, "create database " + database);
            args.add("--spring.datasource.url=" + server.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
            args.add("--spring.datasource.username=" + user);
        }
        try {
            for (int run = 1; run <= 2; run++) {
                try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RetailCrmApplication.class)
                        .run(args.toArray(String[]::new))) {
                    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success",
                            Integer.class)).isZero();
                    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '50'",
                            Integer.class)).isEqualTo(1);
                    assertThat(jdbc.queryForObject("select min(installed_rank) from flyway_schema_history", Integer.class))
                            .as("run %d: Flyway started on an empty schema", run).isEqualTo(1);
                    assertThat(jdbc.queryForObject("select count(distinct version_) from act_re_procdef where key_ = 'ONBOARDING'",
                            Integer.class)).as("run %d: one onboarding definition, not redeployed", run).isEqualTo(1);
                }
            }
        } finally {
            if (database != null) {
                admin(server, user, "drop database if exists " + database + " with (force)");
            }
        }
    }

    private static void admin(String url, String user, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(url, user, System.getProperty("crm.test.db.password", ""));
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
