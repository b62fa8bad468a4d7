package com.tobacco.retailcrm.security.api;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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

    /** The signed-in identity of a user, with their roles as authorities: the same for tokens, sessions and {@link #runAs}. */
    public static Authentication authenticationOf(CurrentUser user) {
        var authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    /**
     * Runs work as this user, as if they had signed in (roles, org unit, data scope, history's "who"), and puts the
     * caller's security context back afterwards: for demo data and other work that acts as a named person outside a
     * request.
     */
    public static <T> T runAs(UserRef user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticationOf(new CurrentUser(user.id(), user.username(), user.displayName(),
                user.orgUnitId(), user.roles(), false)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
