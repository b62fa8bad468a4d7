package com.tobacco.retailcrm.org.web;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The organisation page in the sidebar, for the system administrator. */
@Configuration(proxyBeanMethods = false)
class OrgMenu {

    @Bean
    MenuEntry orgMenuEntry() {
        return new MenuEntry("menu.group.system", "menu.org", "/admin/org", "diagram-3", Set.of("SYSTEM_ADMIN"), 810);
    }
}
