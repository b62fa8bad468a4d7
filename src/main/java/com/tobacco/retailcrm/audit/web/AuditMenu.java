package com.tobacco.retailcrm.audit.web;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log page in the sidebar, for the audit administrator alone. */
@Configuration(proxyBeanMethods = false)
class AuditMenu {

    @Bean
    MenuEntry auditMenuEntry() {
        return new MenuEntry("menu.group.audit", "menu.audit", "/admin/audit", "journal-text", Set.of("AUDIT_ADMIN"), 900);
    }
}
