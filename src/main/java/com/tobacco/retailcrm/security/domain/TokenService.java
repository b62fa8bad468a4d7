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
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opaque bearer tokens for the API: 256 random bits given to the client once, only their SHA-256 kept, so a copy
 * of the database does not hand out sessions. They expire after the policy's lifetime and die on logout.
 * <p>
 * Resolving a token reads the {@link TokenCache} first: a request costs no database round trip to authenticate.
 * Every change here evicts on this node once it commits; the database's triggers (V200) tell the other nodes.
 */
@Service
public class TokenService {

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final UserAccountRepository users;
    private final SecurityPolicyRepository policies;
    private final Clock clock;
    private final TokenCache cache;
    private final AuthChangeListener changes;
    private final TransactionTemplate readOnly;

    TokenService(JdbcTemplate jdbc, UserAccountRepository users, SecurityPolicyRepository policies, Clock clock,
                 TokenCache cache, AuthChangeListener changes, PlatformTransactionManager transactions) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.users = users;
        this.policies = policies;
        this.clock = clock;
        this.cache = cache;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Who calls with a token, and whether the policy stops them until they turn on MFA. */
    public record ApiCaller(CurrentUser user, boolean mfaEnrolmentRequired) {
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

    /** The caller this token signs in now; empty when it is unknown, revoked or expired or the user is disabled. */
    public Optional<ApiCaller> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        TokenGrant grant = cache.get(hash, () -> readOnly.execute(status -> load(hash)));
        return grant == null ? Optional.empty() : Optional.ofNullable(grant.callerAt(clock.instant()));
    }

    private TokenGrant load(String hash) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select user_id, expires_at from auth_token where token_hash = ? and revoked_at is null and expires_at > ?",
                hash, Timestamp.from(clock.instant()));
        if (rows.isEmpty()) {
            return null;
        }
        long userId = ((Number) rows.get(0).get("user_id")).longValue();
        Instant expires = ((Timestamp) rows.get(0).get("expires_at")).toInstant();
        SecurityPolicy policy = policies.current();
        return users.findById(userId).filter(UserAccount::isEnabled)
                .map(u -> new TokenGrant(userId, expires, UserAccounts.currentUser(u, u.isPasswordChangeRequired()),
                        u.getPasswordChangedAt(), policy.passwordMaxAgeDays(), policy.mfaEnrolmentRequired(u)))
                .orElse(null);
    }

    @Transactional
    public boolean revoke(String token) {
        String hash = hash(token);
        List<Long> users = jdbc.queryForList(
                "update auth_token set revoked_at = ? where token_hash = ? and revoked_at is null returning user_id",
                Long.class, Timestamp.from(clock.instant()), hash);
        afterCommit(() -> cache.evictToken(hash), users.isEmpty() ? null : users.get(0).toString());
        return !users.isEmpty();
    }

    @Transactional
    public void revokeAll(long userId) {
        revokeAllBut(userId, null);
    }

    /** Every token of the user but the one given (the caller's own, may be null). */
    @Transactional
    public void revokeAllBut(long userId, String kept) {
        forgetCached(userId);
        jdbc.update("update auth_token set revoked_at = ? where user_id = ? and revoked_at is null and token_hash <> ?",
                Timestamp.from(clock.instant()), userId, kept == null ? "" : hash(kept));
    }

    /** The user changed (name, unit, roles, password, MFA…): their cached tokens are read again once this commits. */
    public void forgetCached(long userId) {
        afterCommit(() -> cache.evictUser(userId), Long.toString(userId));
    }

    /** The policy changed: every cached token is read again once this commits. */
    public void forgetAllCached() {
        afterCommit(cache::evictAll, "*");
    }

    /**
     * Evicts on this node once the change commits, then waits (briefly) for the change's notification to come back,
     * so that the other nodes have it before the client hears that the change is done ({@code payload} null: nothing
     * changed, nothing to wait for).
     */
    private void afterCommit(Runnable eviction, String payload) {
        if (payload != null) {
            // the triggers notify only for rows that changed: this one is sent even when none did, for the echo
            jdbc.queryForList("select pg_notify(?, ?)", AuthChangeListener.CHANNEL, payload);
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            eviction.run();
            return;
        }
        long mark = changes.mark();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                eviction.run();
                if (payload != null) {
                    changes.awaitEcho(payload, mark, 1_000);
                }
            }
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
