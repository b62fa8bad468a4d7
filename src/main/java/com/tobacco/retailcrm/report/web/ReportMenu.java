package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考核与报表 in the sidebar: the daily order import, the agents' and the managers' indicators, the dashboard. */
@Configuration(proxyBeanMethods = false)
class ReportMenu {

    @Bean
    MenuEntry dailyOrdersMenuEntry() {
        return new MenuEntry("menu.group.report", "menu.orders.daily", "/orders/daily", "cart-check",
                Set.of("DISTRIBUTION_DEPT", "MARKET_DEPT"), 600);
    }

    @Bean
    MenuEntry agentKpiMenuEntry() {
        return new MenuEntry("menu.group.report", "menu.kpi.agents", "/kpi/agents", "person-badge",
                Set.of("SERVICE_HEAD", "MARKET_DEPT", "LEADER"), 610);
    }

    @Bean
    MenuEntry managerKpiMenuEntry() {
        return new MenuEntry("menu.group.report", "menu.kpi.managers", "/kpi/managers", "clipboard-data",
                Set.of("MARKET_MANAGER", "COUNTY_HEAD", "MARKET_DEPT", "LEADER", "SERVICE_HEAD", "MARKETING_DEPUTY"), 620);
    }

    @Bean
    MenuEntry dashboardMenuEntry() {
        return new MenuEntry("menu.group.report", "menu.dashboard", "/dashboard", "speedometer2",
                Set.of("LEADER", "MARKET_DEPT", "SERVICE_HEAD", "MARKETING_DEPUTY"), 590);
    }
}
