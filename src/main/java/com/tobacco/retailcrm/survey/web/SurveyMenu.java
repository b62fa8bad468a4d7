package com.tobacco.retailcrm.survey.web;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 满意度测评 in the sidebar: the campaigns and questionnaires, and the agents' call list. */
@Configuration(proxyBeanMethods = false)
class SurveyMenu {

    @Bean
    MenuEntry surveysMenuEntry() {
        return new MenuEntry("menu.group.survey", "menu.surveys", "/surveys", "clipboard-check",
                Set.of("MARKET_DEPT", "SERVICE_HEAD", "LEADER"), 500);
    }

    @Bean
    MenuEntry surveyCallsMenuEntry() {
        return new MenuEntry("menu.group.survey", "menu.survey.calls", "/surveys/calls", "headset",
                Set.of("SERVICE_AGENT"), 510);
    }
}
