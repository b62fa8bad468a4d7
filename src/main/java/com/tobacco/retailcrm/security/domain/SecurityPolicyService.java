package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.shared.api.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and setting the security policy (SECURITY_ADMIN). */
@Service
public class SecurityPolicyService {

    private final SecurityPolicyRepository policies;
    private final AuditLog audit;
    private final TokenService tokens;

    SecurityPolicyService(SecurityPolicyRepository policies, AuditLog audit, TokenService tokens) {
        this.policies = policies;
        this.audit = audit;
        this.tokens = tokens;
    }

    @Transactional(readOnly = true)
    public PolicySettings current() {
        return policies.current().settings();
    }

    @Transactional
    public PolicySettings update(PolicySettings settings) {
        SecurityPolicy policy = policies.current();
        if (policy.version() != settings.version()) {
            throw new ConflictException("version", "error.version.stale");
        }
        policy.update(settings);
        policies.flush();
        tokens.forgetAllCached();
        audit.record(AuditEntry.of("SECURITY_POLICY_UPDATED", "POLICY", "1").detail(settings.toString()));
        return policy.settings();
    }
}
