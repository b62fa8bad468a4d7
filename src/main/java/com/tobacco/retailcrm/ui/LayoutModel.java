package com.tobacco.retailcrm.ui;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every rendered page what the layout needs: {@code crmLinks} ({@link Links}), {@code currentUser}, {@code currentOrgUnit}, {@code menu} (the
 * user's {@link MenuGroup}s) and {@code activePath}. An interceptor rather than a controller advice so that API
 * calls, which render no view, never pay for it.
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer {

    private final Menu menu;
    private final OrgDirectory org;
    private final Links links;

    LayoutModel(Menu menu, OrgDirectory org, Links links) {
        this.menu = menu;
        this.org = org;
        this.links = links;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView mav) {
                if (mav != null && !isRedirect(mav)) {
                    fill(mav, request);
                }
            }
        }).excludePathPatterns("/api/**");
    }

    private static boolean isRedirect(ModelAndView mav) {
        String name = mav.getViewName();
        return name != null && (name.startsWith("redirect:") || name.startsWith("forward:"));
    }

    void fill(ModelAndView mav, HttpServletRequest request) {
        mav.addObject("crmLinks", links);
        CurrentUser user = CurrentUsers.current().orElse(null);
        if (user == null || mav.getModel().containsKey("menu")) {
            return;
        }
        List<MenuGroup> groups = menu.visibleTo(user);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        mav.addObject("currentUser", user);
        mav.addObject("currentOrgUnit", org.findById(user.orgUnitId()).map(OrgUnitRef::name).orElse(""));
        mav.addObject("menu", groups);
        mav.addObject("activePath", Menu.activePath(groups, path));
    }
}
