package com.tobacco.retailcrm.service.notice;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 信息互通 in the sidebar's service group, for the departments that publish and everyone who serves the customers. */
@Configuration(proxyBeanMethods = false)
class NoticeMenu {

    @Bean
    MenuEntry noticesMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.notices", "/notices", "megaphone",
                Set.of("CUSTOMER_MANAGER", "MARKET_MANAGER", "COUNTY_HEAD", "MARKET_DEPT", "DISTRIBUTION_DEPT",
                        "SALES_DEPT", "SERVICE_HEAD", "LEADER"), 540);
    }
}
