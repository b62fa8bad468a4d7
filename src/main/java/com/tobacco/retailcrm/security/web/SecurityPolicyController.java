package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.domain.PolicySettings;
import com.tobacco.retailcrm.security.domain.SecurityPolicyService;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 安全策略 — the password, lockout, token and MFA policy; SECURITY_ADMIN's alone. */
@RestController
@RequestMapping("/api/v1/security-policy")
class SecurityPolicyController {

    private final SecurityPolicyService policies;

    SecurityPolicyController(SecurityPolicyService policies) {
        this.policies = policies;
    }

    @GetMapping
    @PreAuthorize(Roles.SECURITY_ADMIN)
    PolicySettings get() {
        return policies.current();
    }

    @PutMapping
    @PreAuthorize(Roles.SECURITY_ADMIN)
    PolicySettings put(@Valid @RequestBody PolicySettings settings) {
        return policies.update(settings);
    }
}
