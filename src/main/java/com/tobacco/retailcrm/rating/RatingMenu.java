package com.tobacco.retailcrm.rating;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's pages in the sidebar (group 诚信与评价): ratings and violations for every business role, evaluation. */
@Configuration(proxyBeanMethods = false)
class RatingMenu {

    private static final Set<String> BUSINESS = Roles.names(Roles.BUSINESS_ROLES);

    @Bean
    MenuEntry integrityRatingsMenuEntry() {
        return new MenuEntry("menu.group.rating", "menu.integrityRatings", "/integrity-ratings", "award", BUSINESS, 400);
    }

    @Bean
    MenuEntry violationsMenuEntry() {
        return new MenuEntry("menu.group.rating", "menu.violations", "/violations", "exclamation-octagon", BUSINESS, 410);
    }

    @Bean
    MenuEntry evaluationsMenuEntry() {
        return new MenuEntry("menu.group.rating", "menu.evaluations", "/evaluations", "bar-chart", BUSINESS, 420);
    }
}
