package com.tobacco.retailcrm.shared.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 集群锁 — PostgreSQL advisory locks, so that a piece of work runs at most once at a time across every instance of the
 * application on the same database (an import, a classification run). Nothing to clean up after a crash: the
 * server drops a session's locks with its connection.
 *
 * <p>{@link #tryHold} keeps a connection of its own for as long as the work runs (a background import outlives the
 * request); {@link #tryInTransaction} ties the lock to the caller's transaction and frees it at commit or rollback.
 */
@Component
public class ClusterLocks {

    private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    ClusterLocks(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A held lock; {@link #close()} releases it and gives its connection back. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The lock of this name on a connection of its own, or empty at once when another session holds it. */
    public Optional<Held> tryHold(String name) {
        long key = key(name);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!query(connection, "select pg_try_advisory_lock(?)", key)) {
                connection.close();
                return Optional.empty();
            }
            Connection held = connection;
            return Optional.of(() -> release(held, name, key));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the lock " + name, e);
        }
    }

    /** Takes the lock for the caller's transaction (which must be running); false when another session holds it. */
    public boolean tryInTransaction(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, key(name)));
    }

    /** A stable 64-bit key for a lock name: the first eight bytes of its SHA-256, the same on every instance. */
    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("retail-crm:" + name).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean query(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void release(Connection connection, String name, long key) {
        try {
            if (!query(connection, "select pg_advisory_unlock(?)", key)) {
                log.warn("the lock {} was no longer held when released", name);
            }
        } catch (SQLException e) {
            // the lock goes with the session: a connection that cannot unlock is not reused
            log.warn("could not release the lock {}; closing its connection", name, e);
            abortQuietly(connection);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void abortQuietly(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            log.debug("abort failed", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("close failed", e);
            }
        }
    }
}
