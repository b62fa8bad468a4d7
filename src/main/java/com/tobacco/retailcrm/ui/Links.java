package com.tobacco.retailcrm.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to the current page with one query parameter changed, for templates: {@code ${crmLinks.with('page', 2)}}.
 * Used by the paging bar and the language switch so that filters stay as they are. Links are relative to the
 * server, so they stay right behind a reverse proxy.
 */
@Component("crmLinks")
public class Links {

    public String with(String name, Object value) {
        return current().replaceQueryParam(name, value).replaceQueryParam("lang").build().toUriString();
    }

    /** The current page in another language. */
    public String language(String lang) {
        return current().replaceQueryParam("lang", lang).build().toUriString();
    }

    private static UriComponentsBuilder current() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
    }
}
