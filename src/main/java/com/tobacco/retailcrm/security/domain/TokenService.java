package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the API: 256 random bits given to the client once, only their SHA-256 kept, so a copy
 * of the database does not hand out sessions. They expire after the policy's lifetime and die on logout.
 */
@Service
public class TokenService {

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final UserAccountRepository users;
    private final SecurityPolicyRepository policies;
    private final Clock clock;

    TokenService(JdbcTemplate jdbc, UserAccountRepository users, SecurityPolicyRepository policies, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.policies = policies;
        this.clock = clock;
    }

    /** A newly issued token and when it stops working. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    @Transactional
    public IssuedToken issue(UserAccount user, String sourceIp) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofMinutes(policies.current().tokenTtlMinutes()));
        jdbc.update("insert into auth_token (token_hash, user_id, issued_at, expires_at, source_ip) values (?, ?, ?, ?, ?)",
                hash(token), user.getId(), Timestamp.from(now), Timestamp.from(expires), sourceIp);
        return new IssuedToken(token, expires);
    }

    @Transactional(readOnly = true)
    public Optional<CurrentUser> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        List<Long> ids = jdbc.queryForList(
                "select user_id from auth_token where token_hash = ? and revoked_at is null and expires_at > ?",
                Long.class, hash(token), Timestamp.from(clock.instant()));
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        int maxAge = policies.current().passwordMaxAgeDays();
        return users.findById(ids.get(0)).filter(UserAccount::isEnabled)
                .map(u -> UserAccounts.currentUser(u, u.mustChangePassword(clock.instant(), maxAge)));
    }

    @Transactional
    public boolean revoke(String token) {
        return jdbc.update("update auth_token set revoked_at = ? where token_hash = ? and revoked_at is null",
                Timestamp.from(clock.instant()), hash(token)) > 0;
    }

    @Transactional
    public void revokeAll(long userId) {
        revokeAllBut(userId, null);
    }

    /** Every token of the user but the one given (the caller's own, may be null). */
    @Transactional
    public void revokeAllBut(long userId, String kept) {
        jdbc.update("update auth_token set revoked_at = ? where user_id = ? and revoked_at is null and token_hash <> ?",
                Timestamp.from(clock.instant()), userId, kept == null ? "" : hash(kept));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
