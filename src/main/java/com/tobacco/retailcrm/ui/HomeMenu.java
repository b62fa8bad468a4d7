package com.tobacco.retailcrm.ui;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 工作台 heads the sidebar for every signed-in user (no roles means everyone). */
@Configuration(proxyBeanMethods = false)
class HomeMenu {

    @Bean
    MenuEntry homeMenuEntry() {
        return new MenuEntry("menu.group.home", "menu.home", "/", "speedometer2", Set.of(), 0);
    }
}
