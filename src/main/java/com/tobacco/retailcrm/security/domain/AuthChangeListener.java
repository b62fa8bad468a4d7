package com.tobacco.retailcrm.security.domain;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 * made meanwhile is never missed. Each node acknowledges what it has applied ({@code NOTIFY crm_auth_ack} with the
 * same payload), so the node that made a change answers its client only once every listening node has evicted it.
 */
@Component
class AuthChangeListener implements SmartLifecycle {

    static final String CHANNEL = "crm_auth";
    /** The payload of a change of the organisation tree (V220): it alters county scopes, no sign-in. */
    static final String ORG_TREE = "org";
    /** Where each node says it has applied a change, with the change's payload. */
    static final String ACK_CHANNEL = "crm_auth_ack";
    static final String APPLICATION_NAME = "retail-crm auth listener";
    /** Acknowledgements remembered per payload: more than there are nodes, however many changes of it are in flight. */
    private static final int ACKS_KEPT = 64;
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
    /** Per payload, when (in {@link #sequence}) each acknowledgement of it was heard, newest last. */
    private final Map<String, Deque<Long>> acks = new HashMap<>();

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
                    st.execute("listen " + ACK_CHANNEL);
                }
                enable(true);
                PGConnection pg = con.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null) {
                        hear(con, notifications);
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

    /** Applies the changes heard, then acknowledges them (once per payload), and notes the others' acknowledgements. */
    private void hear(Connection con, PGNotification[] notifications) throws SQLException {
        Set<String> applied = new LinkedHashSet<>();
        for (PGNotification n : notifications) {
            if (ACK_CHANNEL.equals(n.getName())) {
                acknowledged(n.getParameter());
            } else {
                apply(n.getParameter());
                applied.add(n.getParameter());
            }
        }
        if (!applied.isEmpty()) {
            try (PreparedStatement ack = con.prepareStatement("select pg_notify('" + ACK_CHANNEL + "', ?)")) {
                for (String payload : applied) {
                    ack.setString(1, payload);
                    ack.execute();
                }
            }
        }
    }

    private void acknowledged(String payload) {
        synchronized (heard) {
            sequence++;
            if (acks.size() > 10_000) {
                acks.clear();
            }
            Deque<Long> times = acks.computeIfAbsent(payload, p -> new ArrayDeque<>());
            times.addLast(sequence);
            if (times.size() > ACKS_KEPT) {
                times.removeFirst();
            }
            heard.notifyAll();
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
     * Waits (at most {@code timeoutMillis}) until this node has heard a notification with this payload after the mark
     * and every listening node has acknowledged one: answering the client only then means that its next request, on
     * any node, finds the change applied. (Having it on the other nodes' wires was not enough: a busy node's listener
     * could run a few milliseconds after the answer.) A node that stops meanwhile costs the wait its timeout; one that
     * starts meanwhile empties its caches as it starts.
     */
    void awaitEcho(String payload, long mark, long timeoutMillis) {
        if (!cache.enabled()) {
            return;
        }
        int nodes = listeningNodes();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (heard) {
            while (lastHeard.getOrDefault(payload, 0L) <= mark || acknowledgements(payload, mark) < nodes) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    log.warn("The change of sign-ins {} was not applied on all {} listening nodes within {} ms", payload, nodes,
                            timeoutMillis);
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

    /** Acknowledgements of this payload heard after the mark. Called holding {@link #heard}. */
    private int acknowledgements(String payload, long mark) {
        Deque<Long> times = acks.get(payload);
        if (times == null) {
            return 0;
        }
        int n = 0;
        for (long at : times) {
            if (at > mark) {
                n++;
            }
        }
        return n;
    }

    /**
     * The listeners on this database, this node's included, by their connections' name; 1 (this node's own echo)
     * where the server does not show other sessions.
     */
    private int listeningNodes() {
        try (Connection con = dataSource.getConnection();
             PreparedStatement st = con.prepareStatement("select count(*) from pg_stat_activity"
                     + " where application_name = ? and datname = current_database()")) {
            st.setString(1, APPLICATION_NAME);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Math.max(1, rs.getInt(1)) : 1;
            }
        } catch (SQLException e) {
            log.warn("Could not count the nodes listening for sign-in changes ({}); waiting for this one only", e.toString());
            return 1;
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
            props.setProperty("ApplicationName", APPLICATION_NAME);
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
