package com.tobacco.retailcrm.security.api;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/** The signed-in user as every module sees them: who, where in the organisation, with which roles. */
public record CurrentUser(long id, String username, String displayName, long orgUnitId, Set<Role> roles,
                          boolean passwordChangeRequired) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** One of the three administrators (三权分立): they hold an admin role and nothing else, and see no business data. */
    public boolean isAdmin() {
        return !roles.isEmpty() && Role.ADMINS.containsAll(roles);
    }

    public CurrentUser withPasswordChanged() {
        return new CurrentUser(id, username, displayName, orgUnitId, roles, false);
    }
}
