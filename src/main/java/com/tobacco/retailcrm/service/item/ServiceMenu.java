package com.tobacco.retailcrm.service.item;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 客户服务 in the sidebar: the visit form and week plan for managers, visits, coverage, care and the service items. */
@Configuration(proxyBeanMethods = false)
class ServiceMenu {

    static final Set<String> RECORDERS = Set.of("CUSTOMER_MANAGER", "MARKET_MANAGER", "COUNTY_HEAD");
    static final Set<String> BUSINESS = Set.of("CUSTOMER_MANAGER", "MARKET_MANAGER", "COUNTY_HEAD", "MARKET_DEPT",
            "DISTRIBUTION_DEPT", "SALES_DEPT", "MONOPOLY_OFFICER", "SERVICE_AGENT", "LEADER", "SERVICE_HEAD",
            "MARKETING_DEPUTY");

    @Bean
    MenuEntry visitNewMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.visit.new", "/visits/new", "geo-alt", RECORDERS, 500);
    }

    @Bean
    MenuEntry visitPlanMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.visit.plan", "/visits/plan", "calendar-week", RECORDERS, 505);
    }

    @Bean
    MenuEntry visitsMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.visits", "/visits", "journal-text", BUSINESS, 510);
    }

    @Bean
    MenuEntry visitCoverageMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.visit.coverage", "/visits/coverage", "pie-chart", BUSINESS, 515);
    }

    @Bean
    MenuEntry careMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.care", "/care", "heart", BUSINESS, 520);
    }

    @Bean
    MenuEntry visitCyclesMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.visit.cycles", "/settings/visit-cycles", "arrow-repeat",
                java.util.Set.of("MARKET_DEPT", "MARKET_MANAGER", "COUNTY_HEAD", "SERVICE_HEAD", "LEADER"), 517);
    }

    @Bean
    MenuEntry serviceItemsMenuEntry() {
        return new MenuEntry("menu.group.service", "menu.service.items", "/service-items", "card-checklist", BUSINESS, 530);
    }
}
