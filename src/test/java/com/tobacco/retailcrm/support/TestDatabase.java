package com.tobacco.retailcrm.support;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server database of this test JVM with {@code -Pexternal-pg}. Surefire runs the suite in two JVMs
 * side by side; the first works on the database the profile names ({@code crm.test.db.url}), every other one on a
 * database of its own on the same server ({@code <name>_fork<n>}), made fresh when the JVM first asks, so the two
 * never see each other's data, exactly as two embedded databases would not.
 */
public final class TestDatabase {

    private static String url;

    private TestDatabase() {
    }

    /** The JDBC URL of this JVM's database on the server, or blank on the embedded database. */
    public static synchronized String url() {
        if (url == null) {
            url = forkUrl(System.getProperty("crm.test.db.url", ""));
        }
        return url;
    }

    public static String user() {
        return System.getProperty("crm.test.db.user", "postgres");
    }

    public static String password() {
        return System.getProperty("crm.test.db.password", "");
    }

    private static String forkUrl(String configured) {
        String fork = System.getProperty("crm.test.fork", "1");
        if (configured.isBlank() || fork.isBlank() || fork.equals("1")) {
            return configured;
        }
        String database = databaseName(configured) + "_fork" + fork;
        try (var connection = DriverManager.getConnection(configured, user(), password());
             var statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + database + "\" with (force)");
            statement.execute("create database \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("test JVM " + fork + " needs a database of its own, " + database
                    + ", and cannot create it as " + user() + " (CREATEDB is needed, or run with -Dcrm.test.forks=1)", e);
        }
        return withDatabase(configured, database);
    }

    /** The database name of a {@code jdbc:postgresql://host:port/name?params} URL. */
    static String databaseName(String jdbcUrl) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?', slash);
        return query < 0 ? jdbcUrl.substring(slash + 1) : jdbcUrl.substring(slash + 1, query);
    }

    /** The same server and parameters, another database. */
    public static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }
}
