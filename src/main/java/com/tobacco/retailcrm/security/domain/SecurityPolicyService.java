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

    SecurityPolicyService(SecurityPolicyRepository policies, AuditLog audit) {
        this.policies = policies;
        this.audit = audit;
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
        audit.record(AuditEntry.of("SECURITY_POLICY_UPDATED", "POLICY", "1").detail(settings.toString()));
        return policy.settings();
    }
}
