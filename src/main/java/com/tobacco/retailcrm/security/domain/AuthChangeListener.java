package com.tobacco.retailcrm.security.domain;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears, on a connection of its own, every node's changes to sign-ins and data scopes ({@code NOTIFY crm_auth}, sent by
 * the triggers of V200 and V220 when the change commits) and evicts them from this node's {@link TokenCache} and
 * {@link ScopeCache}: a logout on one node ends the token on all of them, and a new reporting line or org unit
 * reaches every node's scopes, within the time a notification takes to arrive (milliseconds). While the connection is
 * down the caches are off (every request reads the database) and they are emptied when listening again, so a change
 * made meanwhile is never missed.
 */
@Component
class AuthChangeListener implements SmartLifecycle {

    static final String CHANNEL = "crm_auth";
    /** The payload of a change of the organisation tree (V220): it alters county scopes, no sign-in. */
    static final String ORG_TREE = "org";
    private static final Logger log = LoggerFactory.getLogger(AuthChangeListener.class);

    private final DataSource dataSource;
    private final TokenCache cache;
    private final ScopeCache scopes;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;
    private final Object heard = new Object();
    private long sequence;
    private final Map<String, Long> lastHeard = new HashMap<>();

    AuthChangeListener(DataSource dataSource, TokenCache cache, ScopeCache scopes) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.scopes = scopes;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "auth-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        enable(false);
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection con = open()) {
                connection = con;
                try (Statement st = con.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                enable(true);
                PGConnection pg = con.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        apply(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                enable(false);
                if (running) {
                    log.warn("Not hearing sign-in changes ({}); tokens are read from the database until it reconnects",
                            e.toString());
                    sleep();
                }
            } finally {
                connection = null;
            }
        }
    }

    private void enable(boolean on) {
        cache.enable(on);
        scopes.enable(on);
    }

    /**
     * A user's id: their tokens, and every scope (a changed reporting line alters the teams above the user, whom the
     * payload does not name); {@link #ORG_TREE}: every scope; anything else: everything.
     */
    void apply(String payload) {
        scopes.evictAll();
        if (!ORG_TREE.equals(payload)) {
            try {
                cache.evictUser(Long.parseLong(payload));
            } catch (NumberFormatException e) {
                cache.evictAll();
            }
        }
        synchronized (heard) {
            sequence++;
            if (lastHeard.size() > 10_000) {
                lastHeard.clear();
            }
            lastHeard.put(payload, sequence);
            heard.notifyAll();
        }
    }

    /** Where the notifications heard so far end: take it before a change commits, to {@link #awaitEcho} it after. */
    long mark() {
        synchronized (heard) {
            return sequence;
        }
    }

    /**
     * Waits (at most {@code timeoutMillis}) until this node hears a notification with this payload after the mark.
     * PostgreSQL signals every listening node at the same commit, so once this node hears its own change the others'
     * connections have been sent it too: answering the client only then means that its next request, on any node,
     * comes after the others had it on the wire.
     */
    void awaitEcho(String payload, long mark, long timeoutMillis) {
        if (!cache.enabled()) {
            return;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (heard) {
            while (lastHeard.getOrDefault(payload, 0L) <= mark) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    log.warn("The change of sign-ins {} was not heard back within {} ms", payload, timeoutMillis);
                    return;
                }
                try {
                    heard.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A connection outside the pool: it is held for as long as the node runs. */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            Properties props = new Properties();
            props.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                props.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                props.setProperty("password", hikari.getPassword());
            }
            props.setProperty("ApplicationName", "retail-crm auth listener");
            return DriverManager.getConnection(hikari.getJdbcUrl(), props);
        }
        return dataSource.getConnection();
    }

    private void closeQuietly() {
        Connection con = connection;
        if (con != null) {
            try {
                con.close();
            } catch (SQLException ignored) {
                // closing to stop: nothing to do
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
