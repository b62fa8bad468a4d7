package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双因素认证 — a user turns on TOTP for themselves: a secret is prepared, shown as an otpauth URI (and QR code) for an
 * authenticator app, and takes effect only after the user proves it with a code. Then recovery codes are issued once,
 * and every token and session opened before ends: they were opened with the password alone.
 */
@Service
public class MfaService {

    private final UserAccountRepository users;
    private final SecurityPolicyRepository policies;
    private final TotpVerifier totp;
    private final MfaCodes codes;
    private final SessionTermination sessions;
    private final AuditLog audit;

    MfaService(UserAccountRepository users, SecurityPolicyRepository policies, TotpVerifier totp, MfaCodes codes,
               SessionTermination sessions, AuditLog audit) {
        this.users = users;
        this.policies = policies;
        this.totp = totp;
        this.codes = codes;
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * Whether this user must turn on MFA before doing anything else: the policy demands it of administrators and
     * leaders (docs/domain/organisation-and-security.md) and this one has not confirmed a code yet.
     */
    public boolean enrolmentRequired(CurrentUser user) {
        // most users (no administrator or leader role) cost no query: no policy could require MFA of them
        if (!SecurityPolicy.mayRequireMfa(user.roles()) || !policies.current().mfaRequiredFor(user.roles())) {
            return false;
        }
        return users.findById(user.id()).map(u -> !u.isMfaEnabled()).orElse(false);
    }

    /** The secret and the URI an authenticator app scans. */
    public record MfaSetup(String secret, String otpauthUri) {
    }

    /** Prepares a secret, or shows again the one prepared and not yet confirmed (a reloaded set-up page). */
    @Transactional
    public MfaSetup prepare(long userId) {
        UserAccount user = existing(userId);
        if (user.isMfaEnabled()) {
            throw new BusinessRuleException("error.mfa.alreadyOn");
        }
        String secret = user.getMfaSecret() != null ? user.getMfaSecret() : totp.newSecret();
        user.prepareMfa(secret);
        String label = URLEncoder.encode("retail-crm:" + user.getUsername(), StandardCharsets.UTF_8);
        return new MfaSetup(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer=retail-crm&digits=6&period=30");
    }

    /**
     * Turns MFA on once the code proves the authenticator holds the secret; returns the recovery codes, shown once.
     * Every other token and session of the user ends; {@code kept} is the caller's own UI session, if any (the API
     * token that enrolled ends too: the next sign-in gives a code).
     */
    @Transactional
    public List<String> confirm(long userId, String code, SessionTermination.KeptAccess kept) {
        UserAccount user = existing(userId);
        if (user.getMfaSecret() == null || user.isMfaEnabled()) {
            throw new BusinessRuleException("error.mfa.notPrepared");
        }
        if (!codes.acceptTotp(user.getId(), user.getMfaSecret(), code)) {
            throw new InvalidInputException("totp", "{error.login.totpWrong}");
        }
        user.enableMfa(user.getMfaSecret());
        List<String> recovery = codes.issueRecoveryCodes(user.getId());
        sessions.endAllBut(user.getId(), user.getUsername(), kept);
        audit.record(AuditEntry.of("MFA_ENABLED", "USER", user.getUsername()));
        return recovery;
    }

    @Transactional(readOnly = true)
    public boolean enabled(long userId) {
        return existing(userId).isMfaEnabled();
    }

    private UserAccount existing(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("error.user.notFound", userId));
    }
}
