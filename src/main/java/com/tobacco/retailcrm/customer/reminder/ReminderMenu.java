package com.tobacco.retailcrm.customer.reminder;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReminderMenu {

    @Bean
    MenuEntry customerRemindersMenuEntry() {
        return new MenuEntry("menu.group.customer", "menu.customer.reminders", "/customers/reminders", "alarm",
                Roles.names(Role.CUSTOMER_MANAGER, Role.MARKET_MANAGER, Role.COUNTY_HEAD, Role.MARKET_DEPT,
                        Role.MONOPOLY_OFFICER, Role.LEADER), 140);
    }
}
