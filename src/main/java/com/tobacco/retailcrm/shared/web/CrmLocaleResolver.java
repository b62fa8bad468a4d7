package com.tobacco.retailcrm.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chinese unless asked otherwise. The API follows {@code Accept-Language} (English only when asked for); the pages
 * follow the language the user picked ({@code ?lang=en}, kept in a cookie), since staff browsers are often set to
 * English while the staff read Chinese.
 */
public class CrmLocaleResolver implements LocaleResolver {

    static final String COOKIE = "crm-lang";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String chosen = request.getParameter("lang");
        if (chosen == null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    chosen = c.getValue();
                }
            }
        }
        if (chosen != null) {
            return chosen.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            String header = request.getHeader("Accept-Language");
            if (header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
                return Locale.ENGLISH;
            }
        }
        return CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        var cookie = new Cookie(COOKIE, locale != null && locale.getLanguage().equals("en") ? "en" : "zh");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(365 * 24 * 3600);
        response.addCookie(cookie);
    }
}
