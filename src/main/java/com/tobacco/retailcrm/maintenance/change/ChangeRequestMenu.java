package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The change-request pages in the sidebar (group 流程待办). */
@Configuration(proxyBeanMethods = false)
class ChangeRequestMenu {

    @Bean
    MenuEntry changeRequestsMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.changeRequests", "/change-requests", "pencil-square",
                Roles.names(Roles.BUSINESS_ROLES), 40);
    }

    @Bean
    MenuEntry bulkChangeMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.changeRequests.bulk", "/change-requests/bulk", "upload",
                Roles.names(Role.MARKET_DEPT), 45);
    }
}
