package com.tobacco.retailcrm.maintenance.onboarding;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 新入网 in the sidebar's workflow group, under the to-do list: the onboarding cases, and starting one. */
@Configuration(proxyBeanMethods = false)
class OnboardingMenu {

    @Bean
    MenuEntry onboardingsMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.onboardings", "/onboardings", "shop",
                Roles.names(Roles.BUSINESS_ROLES), 20);
    }

    @Bean
    MenuEntry newOnboardingMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.onboarding.new", "/onboardings/new", "plus-square",
                Roles.names(Role.MONOPOLY_OFFICER), 21);
    }
}
