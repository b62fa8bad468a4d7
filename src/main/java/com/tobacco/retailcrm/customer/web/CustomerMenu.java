package com.tobacco.retailcrm.customer.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer archive in the sidebar (group 客户档案), for every business role. */
@Configuration(proxyBeanMethods = false)
class CustomerMenu {

    @Bean
    MenuEntry customerListMenuEntry() {
        return new MenuEntry("menu.group.customer", "menu.customers", "/customers", "people",
                Roles.names(Roles.BUSINESS_ROLES), 100);
    }
}
