package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考核与报表 in the sidebar: the daily order import and the call-centre agents' indices. */
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
}
