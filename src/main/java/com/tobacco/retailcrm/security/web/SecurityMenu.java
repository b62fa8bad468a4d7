package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The security module's pages in the sidebar: users for the system administrator, roles and policy for security. */
@Configuration(proxyBeanMethods = false)
class SecurityMenu {

    @Bean
    MenuEntry usersMenuEntry() {
        return new MenuEntry("menu.group.system", "menu.users", "/admin/users", "people", Set.of("SYSTEM_ADMIN"), 820);
    }

    @Bean
    MenuEntry rolesMenuEntry() {
        return new MenuEntry("menu.group.security", "menu.roles", "/admin/roles", "person-lock", Set.of("SECURITY_ADMIN"), 850);
    }

    @Bean
    MenuEntry policyMenuEntry() {
        return new MenuEntry("menu.group.security", "menu.policy", "/admin/policy", "shield-check", Set.of("SECURITY_ADMIN"), 860);
    }
}
