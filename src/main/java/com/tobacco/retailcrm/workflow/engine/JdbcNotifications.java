package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.workflow.api.Notifications;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** 通知 in wf_notification; (user, kind, reference) is unique, so telling twice is harmless. */
@Service
public class JdbcNotifications implements Notifications {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final EngineClock clock;

    JdbcNotifications(JdbcTemplate jdbc, JsonMapper json, EngineClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A notification as its reader sees it (the message is rendered by the web layer). */
    public record Notification(long id, String kind, String reference, String messageKey, List<String> args,
                               String link, Instant createdAt, Instant readAt) {
    }

    @Override
    @Transactional
    public void tell(String username, String kind, String reference, String messageKey, List<String> args, String link) {
        insert(username, kind, reference, messageKey, args, link);
    }

    /** Like {@link #tell}, saying whether this call was the one that told. */
    @Transactional
    public boolean insert(String username, String kind, String reference, String messageKey, List<String> args,
                          String link) {
        return jdbc.update("""
                insert into wf_notification (username, kind, reference, message_key, args, link, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (username, kind, reference) do nothing""",
                username, kind, reference, messageKey, json.writeValueAsString(args), link,
                Timestamp.from(clock.now())) > 0;
    }

    @Transactional(readOnly = true)
    public List<Notification> of(String username, boolean unreadOnly, int limit) {
        return jdbc.query("select * from wf_notification where username = ?"
                + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id desc limit ?",
                (rs, i) -> new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("reference"),
                        rs.getString("message_key"), json.readValue(rs.getString("args"), new TypeReference<List<String>>() {
                        }), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()),
                username, limit);
    }

    @Transactional(readOnly = true)
    public long unread(String username) {
        return jdbc.queryForObject("select count(*) from wf_notification where username = ? and read_at is null",
                Long.class, username);
    }

    /** Marks one of the user's notifications read; false if they have none with that id. */
    @Transactional
    public boolean markRead(String username, long id) {
        return jdbc.update("update wf_notification set read_at = coalesce(read_at, ?) where id = ? and username = ?",
                Timestamp.from(clock.now()), id, username) > 0;
    }

    @Transactional
    public int markAllRead(String username) {
        return jdbc.update("update wf_notification set read_at = ? where username = ? and read_at is null",
                Timestamp.from(clock.now()), username);
    }
}
