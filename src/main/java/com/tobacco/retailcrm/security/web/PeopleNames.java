package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * People as pages show them: by name, the username kept for the hover ({@code fragments/ui :: person}). Templates
 * call it as {@code @people}; a page asks about the same few people many times, so names are remembered for the
 * request. A username nobody has (a removed user, a system job) shows as it is.
 */
@Component("people")
public class PeopleNames {

    private static final String CACHE = PeopleNames.class.getName() + ".cache";

    private final UserDirectory users;

    PeopleNames(UserDirectory users) {
        this.users = users;
    }

    /** The display name of a username, or the username itself when nobody has it; empty for none. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return cache().computeIfAbsent(username, u -> users.find(u).map(UserRef::displayName)
                .filter(n -> n != null && !n.isBlank()).orElse(u));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cache() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return new HashMap<>();
        }
        Object cache = request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cache == null) {
            cache = new HashMap<String, String>();
            request.setAttribute(CACHE, cache, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, String>) cache;
    }
}
