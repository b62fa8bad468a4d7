package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password (and TOTP where MFA is on) for both the API and the sign-in page, with lockout,
 * spraying protection and an audit record of every outcome. Deliberately not transactional: a refused attempt
 * must be recorded even though the sign-in fails.
 */
@Service
public class Authenticator {


    private final UserAccountRepository users;
    private final SecurityPolicyRepository policies;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final MfaCodes codes;
    private final AuditLog audit;
    private final Clock clock;
    /** Compared against when the user does not exist, so that unknown and known names take the same time. */
    private final String dummyHash;

    Authenticator(UserAccountRepository users, SecurityPolicyRepository policies, LoginThrottle throttle,
                  PasswordEncoder encoder, MfaCodes codes, AuditLog audit, Clock clock) {
        this.users = users;
        this.policies = policies;
        this.throttle = throttle;
        this.encoder = encoder;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    public UserAccount authenticate(String username, String password, String totpCode, String sourceIp) {
        String name = username == null ? "" : username.trim();
        String ip = sourceIp == null ? "unknown" : sourceIp;
        Instant now = clock.instant();
        SecurityPolicy policy = policies.current();
        if (throttle.sourceBlocked(ip, now, policy)) {
            audit.record(AuditEntry.of("LOGIN_SOURCE_BLOCKED", "USER", name).outcome(AuditOutcome.DENIED).as(name));
            throw LoginRefusedException.locked(java.time.Duration.ofMinutes(policy.lockoutWindowMinutes()),
                    "error.login.sourceBlocked", policy.lockoutWindowMinutes());
        }
        Optional<Instant> locked = throttle.lockedUntil(name, now, policy);
        if (locked.isPresent()) {
            audit.record(AuditEntry.of("LOGIN_LOCKED", "USER", name).outcome(AuditOutcome.DENIED).as(name));
            throw LoginRefusedException.locked(java.time.Duration.between(now, locked.get()), "error.login.locked",
                    minutesUntil(now, locked.get()));
        }
        UserAccount user = users.findByUsername(name).orElse(null);
        boolean passwordOk = encoder.matches(password == null ? "" : password,
                user == null ? dummyHash : user.getPasswordHash());
        if (user == null || !user.isEnabled() || !passwordOk) {
            fail(name, ip, now, policy, user != null && !user.isEnabled() ? "disabled" : "bad credentials");
            throw new LoginRefusedException(false, "error.login.bad");
        }
        if (user.isMfaEnabled() && !codes.accept(user.getId(), user.getMfaSecret(), totpCode)) {
            fail(name, ip, now, policy, totpCode == null || totpCode.isBlank() ? "totp missing" : "totp wrong");
            throw new LoginRefusedException(false, totpCode == null || totpCode.isBlank()
                    ? "error.login.totpRequired" : "error.login.totpWrong");
        }
        throttle.record(name, ip, true, now);
        audit.record(AuditEntry.of("LOGIN", "USER", name).as(name));
        return user;
    }

    private void fail(String name, String ip, Instant now, SecurityPolicy policy, String reason) {
        throttle.record(name, ip, false, now);
        audit.record(AuditEntry.of("LOGIN_FAILED", "USER", name).outcome(AuditOutcome.FAILURE).detail(reason).as(name));
        if (throttle.lockedUntil(name, now, policy).isPresent()) {
            audit.record(AuditEntry.of("ACCOUNT_LOCKED", "USER", name).outcome(AuditOutcome.DENIED)
                    .detail(policy.lockoutThreshold() + " failures").as(name));
        }
    }

    private static long minutesUntil(Instant now, Instant end) {
        return Math.max(1, (java.time.Duration.between(now, end).toSeconds() + 59) / 60);
    }

    /** Whether this user signs in without the second factor the policy requires: they may only set it up. */
    public boolean mfaSetupRequired(UserAccount user) {
        return !user.isMfaEnabled() && policies.current().mfaRequiredFor(user.getRoles());
    }

    public boolean mustChangePassword(UserAccount user) {
        return user.mustChangePassword(clock.instant(), policies.current().passwordMaxAgeDays());
    }
}
