package com.tobacco.retailcrm.customer.reminder;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReminderMenu {

    @Bean
    MenuEntry customerRemindersMenuEntry() {
        return new MenuEntry("menu.group.customer", "menu.customer.reminders", "/customers/reminders", "alarm",
                Set.of("CUSTOMER_MANAGER", "MARKET_MANAGER", "COUNTY_HEAD", "MARKET_DEPT", "MONOPOLY_OFFICER", "LEADER"), 140);
    }
}
