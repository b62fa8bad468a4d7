package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双因素认证 — a user turns on TOTP for themselves: a secret is prepared, shown once as an otpauth URI for an
 * authenticator app, and takes effect only after the user proves it with a code.
 */
@Service
public class MfaService {

    private final UserAccountRepository users;
    private final SecurityPolicyRepository policies;
    private final TotpVerifier totp;
    private final AuditLog audit;

    MfaService(UserAccountRepository users, SecurityPolicyRepository policies, TotpVerifier totp, AuditLog audit) {
        this.users = users;
        this.policies = policies;
        this.totp = totp;
        this.audit = audit;
    }

    /**
     * Whether this user must turn on MFA before doing anything else: the policy demands it of administrators
     * (docs/domain/organisation-and-security.md) and this administrator has not confirmed a code yet.
     */
    @Transactional(readOnly = true)
    public boolean enrolmentRequired(CurrentUser user) {
        if (user.roles().stream().noneMatch(Role::isAdmin) || !policies.current().mfaRequiredForAdmins()) {
            return false;
        }
        return users.findById(user.id()).map(u -> !u.isMfaEnabled()).orElse(false);
    }

    /** The secret and the URI an authenticator app scans. */
    public record MfaSetup(String secret, String otpauthUri) {
    }

    @Transactional
    public MfaSetup prepare(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("error.user.notFound", userId));
        if (user.isMfaEnabled()) {
            throw new BusinessRuleException("error.mfa.alreadyOn");
        }
        String secret = totp.newSecret();
        user.prepareMfa(secret);
        String label = URLEncoder.encode("retail-crm:" + user.getUsername(), StandardCharsets.UTF_8);
        return new MfaSetup(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer=retail-crm&digits=6&period=30");
    }

    @Transactional
    public void confirm(long userId, String code) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("error.user.notFound", userId));
        if (user.getMfaSecret() == null || user.isMfaEnabled()) {
            throw new BusinessRuleException("error.mfa.notPrepared");
        }
        if (!totp.valid(user.getMfaSecret(), code)) {
            throw new InvalidInputException("code", "{error.login.totpWrong}");
        }
        user.enableMfa(user.getMfaSecret());
        audit.record(AuditEntry.of("MFA_ENABLED", "USER", user.getUsername()));
    }
}
