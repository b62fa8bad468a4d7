package com.tobacco.retailcrm.service.suspension;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 服务暂停 in the sidebar's service group, for the departments that announce it and the managers who call. */
@Configuration(proxyBeanMethods = false)
class SuspensionMenu {

    @Bean
    MenuEntry suspensionsMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.suspensions", "/service-suspensions", "pause-circle",
                Set.of("CUSTOMER_MANAGER", "MARKET_MANAGER", "COUNTY_HEAD", "MARKET_DEPT", "DISTRIBUTION_DEPT",
                        "SALES_DEPT", "SERVICE_HEAD", "LEADER"), 530);
    }
}
