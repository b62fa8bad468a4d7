package com.tobacco.retailcrm.security.config;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.Role;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a sign-in lands: the page the user asked for before signing in, if any; otherwise business users start
 * their day at the to-do list (待办), leaders at their dashboard (领导驾驶舱) and administrators at the 工作台. Opening the bare address counts as asking for
 * nothing in particular.
 */
class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String TO_DO = "/tasks";

    /** 领导驾驶舱: a leader's work is the numbers, so they land there. */
    static final String DASHBOARD = "/dashboard";

    private final HttpSessionRequestCache cache = new HttpSessionRequestCache();

    LandingPage() {
        setRequestCache(cache);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws ServletException, IOException {
        SavedRequest saved = cache.getRequest(request, response);
        if (saved != null && isHome(request, saved.getRedirectUrl())) {
            cache.removeRequest(request, response);
        }
        super.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        if (auth.getPrincipal() instanceof CurrentUser user && isBusinessUser(user)) {
            return user.has(Role.LEADER) ? DASHBOARD : TO_DO;
        }
        return "/";
    }

    static boolean isBusinessUser(CurrentUser user) {
        return !user.roles().isEmpty() && user.roles().stream().noneMatch(Role::isAdmin);
    }

    private static boolean isHome(HttpServletRequest request, String url) {
        String path = java.net.URI.create(url).getPath();
        return path == null || path.isEmpty() || path.equals(request.getContextPath() + "/");
    }
}
