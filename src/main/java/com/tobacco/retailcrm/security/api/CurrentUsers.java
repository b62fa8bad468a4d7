package com.tobacco.retailcrm.security.api;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** Where the current user comes from: Spring Security's context, filled by token or session. */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
    }

    /** The current user; only called where security has already demanded one. */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
