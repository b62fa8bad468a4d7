package com.tobacco.retailcrm.complaint.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 投诉与反馈 in the sidebar: intake for the desk, the list for everyone who handles complaints, the monthly analysis. */
@Configuration(proxyBeanMethods = false)
class ComplaintMenu {

    @Bean
    MenuEntry complaintIntakeMenuEntry() {
        return new MenuEntry("menu.group.complaint", "menu.complaint.new", "/complaints/new", "telephone-inbound",
                Roles.names(Role.SERVICE_AGENT, Role.MARKET_DEPT), 400);
    }

    @Bean
    MenuEntry complaintsMenuEntry() {
        return new MenuEntry("menu.group.complaint", "menu.complaints", "/complaints", "megaphone",
                Roles.names(Roles.BUSINESS_ROLES), 410);
    }

    @Bean
    MenuEntry complaintReportMenuEntry() {
        return new MenuEntry("menu.group.complaint", "menu.complaint.report", "/reports/complaints", "bar-chart",
                Roles.names(Role.SERVICE_AGENT, Role.MARKET_DEPT, Role.LEADER), 420);
    }
}
