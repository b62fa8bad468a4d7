package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 流程待办 in the sidebar: the to-do list for every business role, onboarding cases, and starting one. */
@Configuration(proxyBeanMethods = false)
class WorkflowMenu {

    static final Set<String> BUSINESS = Set.of("CUSTOMER_MANAGER", "MARKET_MANAGER", "COUNTY_HEAD", "MARKET_DEPT",
            "DISTRIBUTION_DEPT", "SALES_DEPT", "MONOPOLY_OFFICER", "SERVICE_AGENT", "LEADER");

    @Bean
    MenuEntry tasksMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.tasks", "/tasks", "list-check", BUSINESS, 10);
    }

    @Bean
    MenuEntry onboardingsMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.onboardings", "/onboardings", "shop", BUSINESS, 20);
    }

    @Bean
    MenuEntry newOnboardingMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.onboarding.new", "/onboardings/new", "plus-square",
                Set.of("MONOPOLY_OFFICER"), 21);
    }
}
