package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.Role;
import java.util.Optional;
import java.util.Set;

/**
 * 三权分立 — the separation of admin duties, as rules on a role assignment. An admin role stands alone: never with
 * a business role, never with another admin role; and nobody changes their own roles.
 */
final class RoleAssignmentRules {

    private RoleAssignmentRules() {
    }

    /** The message key of the first rule the assignment breaks, or empty when it is allowed. */
    static Optional<String> violation(String actor, String target, Set<Role> roles) {
        if (actor.equals(target)) {
            return Optional.of("error.roles.self");
        }
        long admins = roles.stream().filter(Role::isAdmin).count();
        if (admins > 0 && roles.size() > 1) {
            return Optional.of("error.roles.adminAlone");
        }
        return Optional.empty();
    }
}
