package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CustomerFileMenu {

    @Bean
    MenuEntry customerImportMenuEntry() {
        return new MenuEntry("menu.group.customer", "menu.customer.import", "/customers/import", "upload",
                Set.of("MARKET_DEPT"), 150);
    }
}
