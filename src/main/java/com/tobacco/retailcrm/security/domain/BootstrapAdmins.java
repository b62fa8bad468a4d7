package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start with no users, creates the three separated administrators {@code sysadmin}, {@code secadmin} and
 * {@code auditadmin}. Their initial password comes from {@code CRM_BOOTSTRAP_PASSWORD}, or is generated and printed
 * once; each must change it at the first sign-in.
 */
@Component
@Order(10)
class BootstrapAdmins implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmins.class);
    static final Set<String> USERNAMES = Set.of("sysadmin", "secadmin", "auditadmin");

    private final UserAccountRepository users;
    private final PasswordService passwords;
    private final OrgDirectory org;
    private final AuditLog audit;
    private final Clock clock;
    private final String configuredPassword;

    BootstrapAdmins(UserAccountRepository users, PasswordService passwords, OrgDirectory org, AuditLog audit, Clock clock,
                    @Value("${crm.bootstrap-password:}") String configuredPassword) {
        this.users = users;
        this.passwords = passwords;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        OrgUnitRef root = org.all().stream().filter(u -> u.parentCode() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("the organisation has no root unit"));
        String password = configuredPassword.isBlank() ? generated() : configuredPassword;
        create("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, root, password);
        create("secadmin", "安全管理员", Role.SECURITY_ADMIN, root, password);
        create("auditadmin", "审计管理员", Role.AUDIT_ADMIN, root, password);
        if (configuredPassword.isBlank()) {
            log.warn("Created administrators sysadmin, secadmin and auditadmin with the one-time password: {}  "
                    + "(shown only now; each must change it at first sign-in; set CRM_BOOTSTRAP_PASSWORD to choose it)", password);
        } else {
            log.info("Created administrators sysadmin, secadmin and auditadmin with the password from CRM_BOOTSTRAP_PASSWORD");
        }
    }

    private void create(String username, String name, Role role, OrgUnitRef unit, String password) {
        String hash = passwords.encode(password);
        var user = new UserAccount(username, name, unit.id(), null, hash, clock.instant());
        user.replaceRoles(Set.of(role));
        users.saveAndFlush(user);
        passwords.remember(user, hash);
        audit.record(AuditEntry.of("USER_CREATED", "USER", username).detail("bootstrap " + role).as("system"));
    }

    /** 16 characters from all four classes, so the generated password meets the default policy. */
    static String generated() {
        var random = new SecureRandom();
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!@#$%^&*-_=+"};
        var sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            String cls = classes[i % classes.length];
            sb.append(cls.charAt(random.nextInt(cls.length())));
        }
        return sb.toString();
    }
}
