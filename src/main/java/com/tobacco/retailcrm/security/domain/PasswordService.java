package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import com.tobacco.retailcrm.shared.api.TooManyRequestsException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing and setting passwords under the policy: strength, not one of the last N, history kept. */
@Service
public class PasswordService {

    private final UserAccountRepository users;
    private final SecurityPolicyRepository policies;
    private final PasswordEncoder encoder;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final SessionTermination sessions;
    private final TransactionTemplate tx;

    PasswordService(UserAccountRepository users, SecurityPolicyRepository policies, PasswordEncoder encoder,
                    JdbcTemplate jdbc, AuditLog audit, Clock clock, LoginThrottle throttle,
                    @org.springframework.context.annotation.Lazy SessionTermination sessions,
                    PlatformTransactionManager transactions) {
        this.throttle = throttle;
        this.sessions = sessions;
        this.tx = new TransactionTemplate(transactions);
        this.users = users;
        this.policies = policies;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** When an administrator reset this user's password, if the user has not replaced it since. */
    @Transactional(readOnly = true)
    public Optional<Instant> resetByAdministratorAt(long userId) {
        return users.findById(userId).map(UserAccount::passwordResetAt);
    }

    /**
     * The user changes their own password, proving they know the current one. A wrong current password is a failed
     * sign-in: it counts towards the lockout (recorded outside the change's transaction, which it fails), and once
     * locked the change is refused and every token and session of the user ends. A change ends every other token and
     * session of the user; {@code kept} is the one they act through.
     */
    public void change(long userId, String oldPassword, String newPassword, String sourceIp,
                       SessionTermination.KeptAccess kept) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("error.user.notFound", userId));
        SecurityPolicy policy = policies.current();
        var locked = throttle.lockedUntil(user.getUsername(), clock.instant(), policy);
        if (locked.isPresent()) {
            throw lockedOut(locked.get());
        }
        if (oldPassword == null || !encoder.matches(oldPassword, user.getPasswordHash())) {
            throttle.record(user.getUsername(), sourceIp == null ? "unknown" : sourceIp, false, clock.instant());
            audit.record(AuditEntry.of("PASSWORD_CHANGE_FAILED", "USER", user.getUsername())
                    .outcome(AuditOutcome.FAILURE).detail("old password wrong"));
            var nowLocked = throttle.lockedUntil(user.getUsername(), clock.instant(), policy);
            if (nowLocked.isPresent()) {
                sessions.endAllBut(user.getId(), user.getUsername(), SessionTermination.KeptAccess.NONE);
                audit.record(AuditEntry.of("ACCOUNT_LOCKED", "USER", user.getUsername()).outcome(AuditOutcome.DENIED)
                        .detail(policy.lockoutThreshold() + " failures"));
                throw lockedOut(nowLocked.get());
            }
            throw new InvalidInputException("oldPassword", "{error.password.oldWrong}");
        }
        tx.executeWithoutResult(status -> {
            UserAccount current = users.findById(userId).orElseThrow();
            checkNewPassword(current, newPassword, "newPassword");
            String hash = encoder.encode(newPassword);
            current.changePassword(hash, clock.instant());
            remember(current, hash);
            sessions.endAllBut(current.getId(), current.getUsername(), kept);
            audit.record(AuditEntry.of("PASSWORD_CHANGED", "USER", current.getUsername()));
        });
    }

    private TooManyRequestsException lockedOut(java.time.Instant until) {
        var left = java.time.Duration.between(clock.instant(), until);
        return new TooManyRequestsException(left, "error.login.locked", Math.max(1, (left.toSeconds() + 59) / 60));
    }

    /** Checks a password against the policy and the user's recent passwords; every problem at once. */
    void checkNewPassword(UserAccount user, String newPassword, String field) {
        SecurityPolicy policy = policies.current();
        List<FieldProblem> problems = new java.util.ArrayList<>(policy.weaknesses(newPassword).stream()
                .map(k -> new FieldProblem(field, "{" + k + "}")).toList());
        if (newPassword != null && user != null && usedRecently(user, newPassword, policy.passwordHistoryCount())) {
            problems.add(new FieldProblem(field, "{error.password.reused}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    void checkStrength(String password, String field) {
        checkNewPassword(null, password, field);
    }

    String encode(String password) {
        return encoder.encode(password);
    }

    private boolean usedRecently(UserAccount user, String candidate, int count) {
        if (encoder.matches(candidate, user.getPasswordHash())) {
            return true;
        }
        if (count <= 0) {
            return false;
        }
        List<String> recent = jdbc.queryForList(
                "select password_hash from password_history where user_id = ? order by created_at desc, id desc limit ?",
                String.class, user.getId(), count);
        return recent.stream().anyMatch(h -> encoder.matches(candidate, h));
    }

    void remember(UserAccount user, String hash) {
        jdbc.update("insert into password_history (user_id, password_hash, created_at) values (?, ?, ?)",
                user.getId(), hash, Timestamp.from(clock.instant()));
    }
}
