package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 流程待办 in the sidebar: the to-do list for every business role. */
@Configuration(proxyBeanMethods = false)
class WorkflowMenu {

    static final Set<String> BUSINESS = Roles.names(Roles.BUSINESS_ROLES);

    @Bean
    MenuEntry tasksMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.tasks", "/tasks", "list-check", BUSINESS, 10);
    }

}
