package com.tobacco.retailcrm.calendar.web;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar page in the sidebar: everyone may read it, the market department and system admins edit it. */
@Configuration(proxyBeanMethods = false)
class CalendarMenu {

    @Bean
    MenuEntry calendarMenuEntry() {
        return new MenuEntry("menu.group.system", "menu.calendar", "/calendar", "calendar3", CalendarPageController.VIEWERS, 840);
    }
}
