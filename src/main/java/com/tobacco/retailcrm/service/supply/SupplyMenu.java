package com.tobacco.retailcrm.service.supply;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 应急货源 in the sidebar's service group: the request form for managers, the list and queue, the brand catalogue. */
@Configuration(proxyBeanMethods = false)
class SupplyMenu {

    private static final Set<String> READERS = Set.of("CUSTOMER_MANAGER", "MARKET_MANAGER", "COUNTY_HEAD",
            "MARKET_DEPT", "DISTRIBUTION_DEPT", "SALES_DEPT", "SERVICE_HEAD", "MARKETING_DEPUTY", "LEADER");

    @Bean
    MenuEntry supplyRequestsMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.supply.requests", "/emergency-supply", "box-seam", READERS, 520);
    }

    @Bean
    MenuEntry supplyNewMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.supply.new", "/emergency-supply/new", "plus-square",
                Set.of("CUSTOMER_MANAGER"), 521);
    }

    @Bean
    MenuEntry supplyBrandsMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.supply.brands", "/emergency-supply/brands", "tags",
                Set.of("SALES_DEPT", "MARKET_DEPT", "SERVICE_HEAD", "MARKETING_DEPUTY"), 522);
    }
}
