package com.tobacco.retailcrm.classification.web;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 客户分类 in the sidebar: the runs and the monthly 零售客户类别调整情况表, for the market department and leaders
 * (county heads see the report of their own county). */
@Configuration(proxyBeanMethods = false)
class ClassificationMenu {

    @Bean
    MenuEntry classificationRunsMenuEntry() {
        return new MenuEntry("menu.group.classification", "menu.classification", "/classification", "bar-chart-steps",
                Set.of("MARKET_DEPT", "LEADER"), 300);
    }

    @Bean
    MenuEntry classificationAdjustmentsMenuEntry() {
        return new MenuEntry("menu.group.classification", "menu.classification.adjustments",
                "/classification/adjustments", "arrow-left-right", Set.of("MARKET_DEPT", "LEADER", "COUNTY_HEAD"), 310);
    }
}
