package com.tobacco.retailcrm.security.domain;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lockout after repeated failures: an account is locked for the policy's duration once it has the threshold's
 * number of failures within the window since its last success; a source address that fails too often across
 * accounts (password spraying) is refused for a window. Kept in the database so every instance agrees.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;

    LoginThrottle(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String username, String sourceIp, boolean succeeded, Instant at) {
        jdbc.update("insert into login_attempt (username, source_ip, succeeded, at) values (?, ?, ?, ?)",
                username, sourceIp, succeeded, Timestamp.from(at));
    }

    Optional<Instant> lockedUntil(String username, Instant now, SecurityPolicy policy) {
        List<Instant> failures = jdbc.query("""
                select at from login_attempt
                 where username = ? and not succeeded
                   and at > coalesce((select max(at) from login_attempt where username = ? and succeeded), '-infinity')
                 order by at desc limit ?""",
                (rs, i) -> rs.getTimestamp(1).toInstant(), username, username, policy.lockoutThreshold());
        return lockEnd(failures, now, policy);
    }

    /** The rule itself, on the newest failures first: threshold failures within the window lock until newest + duration. */
    static Optional<Instant> lockEnd(List<Instant> newestFirst, Instant now, SecurityPolicy policy) {
        if (newestFirst.size() < policy.lockoutThreshold()) {
            return Optional.empty();
        }
        Instant newest = newestFirst.get(0);
        Instant oldest = newestFirst.get(policy.lockoutThreshold() - 1);
        if (Duration.between(oldest, newest).compareTo(Duration.ofMinutes(policy.lockoutWindowMinutes())) > 0) {
            return Optional.empty();
        }
        Instant end = newest.plus(Duration.ofMinutes(policy.lockoutDurationMinutes()));
        return now.isBefore(end) ? Optional.of(end) : Optional.empty();
    }

    boolean sourceBlocked(String sourceIp, Instant now, SecurityPolicy policy) {
        Integer failures = jdbc.queryForObject(
                "select count(*) from login_attempt where source_ip = ? and not succeeded and at > ?",
                Integer.class, sourceIp, Timestamp.from(now.minus(Duration.ofMinutes(policy.lockoutWindowMinutes()))));
        return failures != null && failures >= policy.ipFailureThreshold();
    }
}
