package com.tobacco.retailcrm.workflow.change;

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
                Set.of("CUSTOMER_MANAGER", "MARKET_MANAGER", "COUNTY_HEAD", "MARKET_DEPT", "DISTRIBUTION_DEPT",
                        "SALES_DEPT", "MONOPOLY_OFFICER", "SERVICE_AGENT", "LEADER"), 40);
    }

    @Bean
    MenuEntry bulkChangeMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.changeRequests.bulk", "/change-requests/bulk", "upload",
                Set.of("MARKET_DEPT"), 45);
    }
}
